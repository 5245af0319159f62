package ir.sarkhat.article.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class PersianTextTest {

    @Test
    void arabicYehAndKafBecomePersian() {
        assertThat(PersianText.normalize("كتاب علي")).isEqualTo("کتاب علی");
    }

    @Test
    void theFixtureTypedOnAnArabicKeyboardNormalizesToTheOriginal() {
        String arabicKeyboard = Fixtures.ARTICLE_PAGE.replace('ی', 'ي').replace('ک', 'ك');
        assertThat(arabicKeyboard).isNotEqualTo(Fixtures.ARTICLE_PAGE);

        assertThat(PersianText.normalize(arabicKeyboard)).isEqualTo(PersianText.normalize(Fixtures.ARTICLE_PAGE));
    }

    @Test
    void zeroWidthNonJoinerIsKept() {
        assertThat(PersianText.normalizeLine("بین\u200Cالمللی می\u200Cشود")).isEqualTo("بین\u200Cالمللی می\u200Cشود");
    }

    @Test
    void decomposedTextIsComposed() {
        String decomposed = Normalizer.normalize("آ", Normalizer.Form.NFD);
        assertThat(decomposed).hasSize(2);

        assertThat(PersianText.normalize(decomposed)).isEqualTo("آ").hasSize(1);
    }

    @Test
    void aLineLosesLineBreaksAndOuterSpacesButABodyKeepsItsParagraphs() {
        assertThat(PersianText.normalizeLine("  خبر\nفوری\u0007 ")).isEqualTo("خبر فوری");
        assertThat(PersianText.normalize("بند اول\n\nبند دوم\u0007")).isEqualTo("بند اول\n\nبند دوم");
    }
}
