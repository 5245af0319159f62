package ir.sarkhat.article.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownBodyTest {

    @Test
    void markdownBecomesHtml() {
        MarkdownBody.Rendered body = MarkdownBody.render("## تیتر\n\nبند **مهم** با [پیوند](https://isna.ir/news/1)");

        assertThat(body.html()).contains("<h2>تیتر</h2>").contains("<strong>مهم</strong>")
                .contains("href=\"https://isna.ir/news/1\"");
        assertThat(body.plainText()).contains("تیتر").contains("بند مهم با پیوند");
    }

    @Test
    void scriptsEventHandlersAndJavascriptUrlsNeverSurvive() {
        MarkdownBody.Rendered body = MarkdownBody.render("""
                <script>alert(1)</script>

                [x](javascript:alert(1)) <img src="https://example.org/a.png" onerror="alert(2)">

                <a href="JaVaScRiPt:alert(3)">y</a> <iframe src="https://evil.example"></iframe>
                """);

        assertThat(body.html().toLowerCase()).doesNotContain("<script").doesNotContain("alert(")
                .doesNotContain("javascript:").doesNotContain("onerror").doesNotContain("<iframe");
        assertThat(body.plainText()).doesNotContain("<script");
    }

    @Test
    void excerptIsTheFirstFiftyFiveWordsOfPlainText() {
        MarkdownBody.Rendered body = MarkdownBody.render(Fixtures.ARTICLE_BODY);

        String excerpt = body.excerpt();
        assertThat(excerpt).startsWith("پنجره ملی خدمات دولت هوشمند ایران").endsWith("…");
        assertThat(excerpt.substring(0, excerpt.length() - 1).split(" ")).hasSize(55);
        assertThat(MarkdownBody.render("کوتاه *است*").excerpt()).isEqualTo("کوتاه است");
    }
}
