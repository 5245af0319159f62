package ir.sarkhat.article.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadingTimeTest {

    private final ReadingTime at200 = new ReadingTime(200);

    @Test
    void theFixtureArticleTakesTwoMinutesLikeTheSiteSays() {
        MarkdownBody.Rendered body = MarkdownBody.render(Fixtures.ARTICLE_BODY);

        assertThat(ReadingTime.words(body.plainText())).isEqualTo(400);
        assertThat(at200.minutes(body.plainText(), body.images())).isEqualTo(2);
    }

    @Test
    void aZwnjJoinsAWordInsteadOfSplittingIt() {
        String withZwnj = Fixtures.ARTICLE_BODY.replace("بینالمللی", "بین\u200Cالمللی");
        assertThat(withZwnj).isNotEqualTo(Fixtures.ARTICLE_BODY);

        assertThat(ReadingTime.words(MarkdownBody.render(withZwnj).plainText())).isEqualTo(400);
        assertThat(ReadingTime.words("می\u200Cشود")).isEqualTo(1);
    }

    @Test
    void latinWordsInPersianTextCountOnceEach() {
        assertThat(ReadingTime.words("جایزه WSIS Prize Champion ۲۰۲۳ را")).isEqualTo(6);
        assertThat(ReadingTime.words("اتحادیه بین المللی ارتباطات(ITU) این")).isEqualTo(5);
    }

    @Test
    void imagesAddTwelveSecondsForTheFirstThenOneLessEachDownToThree() {
        assertThat(ReadingTime.imageSeconds(1)).isEqualTo(12);
        assertThat(ReadingTime.imageSeconds(2)).isEqualTo(12 + 11);
        assertThat(ReadingTime.imageSeconds(12)).isEqualTo(12 + 11 + 10 + 9 + 8 + 7 + 6 + 5 + 4 + 3 + 3 + 3);
        // 400 words are exactly two minutes: one image tips it over into the third.
        String oneImage = Fixtures.ARTICLE_BODY + "\n![نمودار](https://example.org/chart.png)\n";
        MarkdownBody.Rendered body = MarkdownBody.render(oneImage);
        assertThat(body.images()).isEqualTo(1);
        assertThat(at200.minutes(body.plainText(), body.images())).isEqualTo(3);
    }

    @Test
    void roundsUpWithAMinimumOfOneMinute() {
        assertThat(at200.minutes("", 0)).isEqualTo(1);
        assertThat(at200.minutes("یک", 0)).isEqualTo(1);
        assertThat(at200.minutes("کلمه ".repeat(201), 0)).isEqualTo(2);
    }

    @Test
    void thePaceIsConfigurable() {
        String text = "کلمه ".repeat(600);
        assertThat(new ReadingTime(300).minutes(text, 0)).isEqualTo(2);
        assertThat(at200.minutes(text, 0)).isEqualTo(3);
        assertThatThrownBy(() -> new ReadingTime(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
