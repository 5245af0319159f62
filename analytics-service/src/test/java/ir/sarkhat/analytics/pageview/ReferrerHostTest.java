package ir.sarkhat.analytics.pageview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReferrerHostTest {

    @Test
    void keepsOnlyTheHostOfTheReferrer() {
        assertThat(ReferrerHost.of("https://www.Google.com/search?q=%D8%B3%D9%84%D8%A7%D9%85")).isEqualTo("www.google.com");
        assertThat(ReferrerHost.of("http://t.co/abc")).isEqualTo("t.co");
    }

    @Test
    void noUsableReferrerMeansNoHost() {
        assertThat(ReferrerHost.of(null)).isNull();
        assertThat(ReferrerHost.of(" ")).isNull();
        assertThat(ReferrerHost.of("/articles/relative")).isNull();
        assertThat(ReferrerHost.of("not a url at all")).isNull();
    }

    @Test
    void aStoredPageViewHoldsNoPathOfTheReferrer() {
        PageView view = PageView.of("id", "a1", Instant.parse("2023-04-09T11:00:00Z"), "k",
                "https://news.example.ir/private/path?user=42");
        assertThat(view.referrerHost()).isEqualTo("news.example.ir");
        assertThat(view.toString()).doesNotContain("private").doesNotContain("user=42");
    }
}
