package ir.sarkhat.article.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void persianWordsAreJoinedByDashes() {
        assertThat(Slugs.of("پنجره ملی خدمات دولت هوشمند")).isEqualTo("پنجره-ملی-خدمات-دولت-هوشمند");
    }

    @Test
    void arabicLettersBecomePersianAndDigitsBecomeAscii() {
        assertThat(Slugs.of("كتاب سال ۱۴۰۲ و ٢٠٢٣")).isEqualTo("کتاب-سال-1402-و-2023");
    }

    @Test
    void punctuationZwnjAndRunsOfSpacesBecomeOneDash() {
        assertThat(Slugs.of("  «خبر فوری»: ITU   جایزه داد! ")).isEqualTo("خبر-فوری-itu-جایزه-داد");
        assertThat(Slugs.of("بین\u200Cالمللی")).isEqualTo("بین-المللی");
    }

    @Test
    void diacriticsStayWithTheirWord() {
        assertThat(Slugs.of("پنجره ملّی")).isEqualTo("پنجره-ملی");
    }

    @Test
    void longTitlesAreCutOnAWordBoundaryWithinEightyCharacters() {
        String title = Fixtures.ARTICLE_BODY.lines().findFirst().orElseThrow();
        String slug = Slugs.of(title);

        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotEndWith("-");
        // The cut falls between words: the next character of the uncut slug is a dash.
        String uncut = String.join("-", title.replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip().split(" "));
        assertThat(uncut).startsWith(slug + "-");
    }

    @Test
    void oneEndlessWordIsCutHard() {
        assertThat(Slugs.of("ا".repeat(100))).hasSize(80);
    }

    @Test
    void takenSlugsGetANumberAndStayWithinTheLimit() {
        assertThat(Slugs.numbered("خبر", 1)).isEqualTo("خبر");
        assertThat(Slugs.numbered("خبر", 2)).isEqualTo("خبر-2");
        String longSlug = Slugs.of("کلمه ".repeat(30));
        assertThat(Slugs.numbered(longSlug, 12)).endsWith("-12").hasSizeLessThanOrEqualTo(80)
                .doesNotContain("--");
    }

    @Test
    void aTitleWithoutLettersStillGetsASlug() {
        assertThat(Slugs.of("!!! ؟")).isEqualTo("article");
    }
}
