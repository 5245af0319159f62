package ir.sarkhat.article.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ir.sarkhat.article.text.HtmlBody;

class WordPressContentTest {

    @Test
    void classicPostsGetParagraphsAndLineBreaksLikeWordPress() {
        String html = WordPressContent.toHtml("اولین بند\nبا یک خط تازه\n\nبند دوم");
        assertThat(html).isEqualTo("<p>اولین بند<br>\nبا یک خط تازه</p>\n<p>بند دوم</p>");
    }

    @Test
    void gutenbergBlocksAreKeptAsTheyAreAndTheirCommentsDisappearWhenSanitized() {
        String gutenberg = "<!-- wp:paragraph -->\n<p>سلام <strong>دنیا</strong></p>\n<!-- /wp:paragraph -->";
        String html = HtmlBody.render(WordPressContent.toHtml(gutenberg)).html();
        assertThat(html).contains("<p>سلام <strong>دنیا</strong></p>").doesNotContain("wp:paragraph");
    }

    @Test
    void captionsBecomeFiguresAndUnknownShortcodesAreDroppedKeepingTheirText() {
        String content = "[caption id=\"a1\" align=\"alignnone\" width=\"300\"]<img src=\"https://example.com/a.jpg\" alt=\"x\">"
                + " A boat[/caption]\n\n[gallery ids=\"1,2\"]\n\n[pullquote]Said well[/pullquote] and [1] stays";
        String html = HtmlBody.render(WordPressContent.toHtml(content)).html();
        assertThat(html).contains("<figure><img src=\"https://example.com/a.jpg\" alt=\"x\" /><figcaption>A boat</figcaption></figure>")
                .doesNotContain("[gallery").doesNotContain("[pullquote").doesNotContain("[/pullquote]")
                .contains("Said well").contains("[1] stays");
    }

    @Test
    void scriptsAndEventHandlersNeverSurviveTheSanitizer() {
        String html = HtmlBody.render(WordPressContent.toHtml(
                "<p onclick=\"steal()\">hi</p><script>alert(1)</script><a href=\"javascript:x()\">l</a>")).html();
        assertThat(html).doesNotContain("onclick").doesNotContain("script").doesNotContain("javascript");
    }

    @Test
    void commentHtmlBecomesThePlainTextCommentServiceKeeps() {
        assertThat(WordPressContent.commentText("<p>Hi &amp; <strong>bye</strong></p><p>see <a href=\"https://a.example/x\">this</a>"
                + " or <a href=\"https://b.example\">https://b.example</a></p>"))
                .isEqualTo("Hi & bye\n\nsee this (https://a.example/x) or https://b.example");
    }
}
