package ir.sarkhat.comment.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentBodyHtmlTest {

    private final CommentBodyHtml html = new CommentBodyHtml();

    @Test
    void markupIsEscapedAndUrlsBecomeUserContentLinks() {
        assertThat(html.render("<script>alert(1)</script> https://x.test"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; "
                        + "<a href=\"https://x.test\" rel=\"ugc nofollow noopener\">https://x.test</a>");
    }

    @Test
    void lineBreaksBecomeBrElements() {
        assertThat(html.render("سطر یک\nسطر دو\r\nسطر سه")).isEqualTo("سطر یک<br />سطر دو<br />سطر سه");
    }

    @Test
    void persianTextAndZwnjPassUnchanged() {
        assertThat(html.render("نمی\u200cدانم «چرا»")).isEqualTo("نمی\u200cدانم «چرا»");
    }

    @Test
    void punctuationAfterAUrlIsNotPartOfTheLink() {
        assertThat(html.render("ببینید https://x.test/a، و (https://x.test/b). و https://fa.wikipedia.org/wiki/X_(Y)"))
                .contains("href=\"https://x.test/a\"")
                .contains("href=\"https://x.test/b\"")
                .contains("href=\"https://fa.wikipedia.org/wiki/X_%28Y%29\"");
    }

    @Test
    void quotesCannotBreakOutOfTheHrefAttribute() {
        String rendered = html.render("https://x.test/\"onmouseover=alert(1)");
        assertThat(rendered).doesNotContain("onmouseover=").doesNotContain(" onmouseover");
        assertThat(rendered).startsWith("<a href=\"https://x.test/\"");
    }

    @Test
    void otherSchemesAreNotLinked() {
        assertThat(html.render("javascript:alert(1) ftp://x.test data:text/html,x")).doesNotContain("<a");
    }

    @Test
    void bareSchemeIsNotALink() {
        assertThat(html.render("https:// و http://.")).doesNotContain("<a");
    }
}
