package ir.sarkhat.article.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void keepsTheWordsAndDropsTagsAndLinkAddresses() {
        String text = HtmlText.plain("<p>سامانه <strong>پنجره&#64;واحد</strong> &amp; <a href=\"https://isna.ir/x\">ایسنا</a></p>");
        assertThat(text).contains("سامانه").contains("پنجره@واحد").contains("&").contains("ایسنا")
                .doesNotContain("isna.ir").doesNotContain("<");
    }
}
