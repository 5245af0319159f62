package ir.sarkhat.article.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What another service sends as a comment's HTML, name or website cannot run a script on our page. */
class CommentHtmlTest {

    @Test
    void scriptsHandlersAndScriptUrlsAreRemovedAndLinksAreMarkedAsUserContent() {
        String html = CommentHtml.body("سلام<script>alert(1)</script><br>"
                + "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">بد</a>"
                + "<a href=\"https://isna.ir/news\" onclick=\"alert(4)\" target=\"_blank\">ایسنا</a><b>پررنگ</b>");

        assertThat(html).doesNotContain("<script").doesNotContain("alert").doesNotContain("onerror")
                .doesNotContain("javascript:").doesNotContain("<img").doesNotContain("onclick");
        assertThat(html).contains("سلام").contains("<br />").contains("بد").contains("پررنگ")
                .contains("href=\"https://isna.ir/news\"").contains("ugc").contains("nofollow").contains("noopener");
    }

    @Test
    void onlyHttpAddressesWithAHostBecomeAuthorLinks() {
        assertThat(CommentHtml.url("https://maryam.example.ir/")).isEqualTo("https://maryam.example.ir/");
        assertThat(CommentHtml.url("javascript:alert(1)")).isNull();
        assertThat(CommentHtml.url("JaVaScRiPt:alert(1)")).isNull();
        assertThat(CommentHtml.url("data:text/html,<script>")).isNull();
        assertThat(CommentHtml.url("//evil.example")).isNull();
        assertThat(CommentHtml.url("https://" + "a".repeat(300) + ".ir")).isNull();
        assertThat(CommentHtml.url(null)).isNull();
    }

    @Test
    void namesAreTextWithoutControlCharactersAndHashesAreHexOrNothing() {
        assertThat(CommentHtml.name("  مریم\u0000\n  ")).isEqualTo("مریم");
        assertThat(CommentHtml.name(" \t ")).isNull();
        assertThat(CommentHtml.name("ن".repeat(300))).hasSize(CommentHtml.MAX_NAME);
        assertThat(CommentHtml.avatarHash("9F86D081884C7D65")).isEqualTo("9f86d081884c7d65");
        assertThat(CommentHtml.avatarHash("\"><script>")).isNull();
    }
}
