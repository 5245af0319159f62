package ir.sarkhat.article.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersianSearchAnalyzerTest {

    private final PersianSearchAnalyzer analyzer = new PersianSearchAnalyzer();

    @Test
    void aWordWithOrWithoutZwnjIsOneTerm() {
        assertThat(analyzer.terms("بین\u200Cالمللی")).hasSize(1).isEqualTo(analyzer.terms("بینالمللی"));
        assertThat(analyzer.terms("زیست\u200Cفناوری")).isEqualTo(analyzer.terms("زیستفناوری"));
    }

    @Test
    void arabicYehAndKafMatchThePersianLetters() {
        assertThat(analyzer.terms("الكترونيك")).isEqualTo(analyzer.terms("الکترونیک")).hasSize(1);
        assertThat(analyzer.terms("يكي")).isEqualTo(analyzer.terms("یکی"));
    }

    @Test
    void persianArabicAndLatinDigitsGiveTheSameTerm() {
        assertThat(analyzer.terms("۱۴۰۲")).containsExactly("1402");
        assertThat(analyzer.terms("١٤٠٢")).containsExactly("1402");
        assertThat(analyzer.terms("1402")).containsExactly("1402");
    }

    @Test
    void functionWordsAreDroppedButContentWordsTheStockListDropsAreKept() {
        assertThat(analyzer.terms("از")).isEmpty();
        assertThat(analyzer.terms("خدمات دولت و مردم")).hasSize(3);
        assertThat(analyzer.terms("خدمات")).hasSize(1);
    }

    @Test
    void pluralsStemToTheSingular() {
        assertThat(analyzer.terms("کتابها")).isEqualTo(analyzer.terms("کتاب"));
        assertThat(analyzer.terms("کتاب‌ها")).isEqualTo(analyzer.terms("کتاب"));
    }

    @Test
    void latinIsLowerCased() {
        assertThat(analyzer.terms("WSIS")).containsExactly("wsis");
    }
}
