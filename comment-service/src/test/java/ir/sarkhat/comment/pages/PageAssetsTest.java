package ir.sarkhat.comment.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PageAssetsTest {

    private final PageAssets assets = new PageAssets();

    @Test
    void theWidgetStaysSmallForReadersOnSlowConnections() {
        assertThat(assets.find("widget.js").orElseThrow().content().length).isLessThan(15 * 1024);
    }

    @Test
    void versionedUrlsCarryTheContentHash() {
        PageAssets.Asset script = assets.find("console.js").orElseThrow();
        assertThat(assets.versionedUrl("console.js")).isEqualTo("/comments/console.js?v=" + script.hash());
        assertThat(script.hash()).matches("[0-9a-f]{12}");
        assertThat(script.hash()).isNotEqualTo(assets.find("console.css").orElseThrow().hash());
        assertThat(script.type().toString()).isEqualTo("text/javascript;charset=UTF-8");
    }

    @Test
    void scriptsHaveNoInlineHandlersOrHtmlInjectionOfTheirOwn() {
        for (String name : new String[] { "widget.js", "console.js" }) {
            String source = new String(assets.find(name).orElseThrow().content(), StandardCharsets.UTF_8);
            // innerHTML only for the server-sanitized comment body; no eval, no handler attributes.
            assertThat(source.split("innerHTML", -1).length - 1).as(name).isLessThanOrEqualTo(1);
            assertThat(source).as(name).doesNotContain("eval(").doesNotContain("setAttribute('on")
                    .doesNotContain("insertAdjacentHTML").doesNotContain("document.write");
        }
    }

    @Test
    void unknownNamesAreNotServed() {
        assertThat(assets.find("../application.properties")).isEmpty();
    }
}
