package ir.sarkhat.analytics.pageview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrafficSourceTest {

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
    void aHugeReferrerIsIgnored() {
        assertThat(ReferrerHost.of("https://spam.example/" + "x".repeat(10_000))).isNull();
    }

    @Test
    void theSourceIsUtmThenRefThenTheReferrerHostAndTheSiteItselfIsDirect() {
        var own = java.util.Set.of("sarkhat.ir");
        assertThat(TrafficSource.of(" Newsletter ", "tg", "https://www.google.com/", own)).isEqualTo("newsletter");
        assertThat(TrafficSource.of(null, "Telegram", "https://www.google.com/", own)).isEqualTo("telegram");
        assertThat(TrafficSource.of("", null, "https://www.google.com/search?q=x", own)).isEqualTo("google.com");
        assertThat(TrafficSource.of(null, null, "https://sarkhat.ir/articles/x", own)).isNull();
        assertThat(TrafficSource.of(null, null, "garbage ::: not a url", own)).isNull();
        assertThat(TrafficSource.of("x".repeat(500), null, null, own)).hasSize(100);
    }

    @Test
    void devicesFollowPlausibleScreenWidths() {
        assertThat(Devices.ofScreenWidth(375)).isEqualTo("Mobile");
        assertThat(Devices.ofScreenWidth(800)).isEqualTo("Tablet");
        assertThat(Devices.ofScreenWidth(1366)).isEqualTo("Laptop");
        assertThat(Devices.ofScreenWidth(1920)).isEqualTo("Desktop");
        assertThat(Devices.ofScreenWidth(-5)).isNull();
        assertThat(Devices.ofScreenWidth(null)).isNull();
    }
}
