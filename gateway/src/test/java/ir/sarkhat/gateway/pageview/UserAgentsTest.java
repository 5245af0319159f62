package ir.sarkhat.gateway.pageview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    private static final UserAgents AGENTS = new UserAgents();

    @Test
    void aDesktopBrowserIsCountedWithItsClasses() {
        Client client = AGENTS.classify("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/126.0.0.0 Safari/537.36");
        assertThat(client.excluded()).isNull();
        assertThat(client.browser()).isEqualTo("Chrome");
        assertThat(client.os()).isEqualTo("Windows NT");
        assertThat(client.device()).isEqualTo("Desktop");
    }

    @Test
    void aPhoneIsMobile() {
        Client client = AGENTS.classify("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
        assertThat(client.excluded()).isNull();
        assertThat(client.device()).isEqualTo("Mobile");
    }

    @Test
    void crawlersHeadlessBrowsersAndMissingAgentsAreExcluded() {
        assertThat(AGENTS.classify("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").excluded())
                .isEqualTo("robot");
        assertThat(AGENTS.classify("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "HeadlessChrome/126.0.0.0 Safari/537.36").excluded()).isEqualTo("headless");
        assertThat(AGENTS.classify("curl/8.5.0").excluded()).isEqualTo("robot");
        assertThat(AGENTS.classify(null).excluded()).isEqualTo("robot");
        assertThat(AGENTS.classify("x".repeat(100_000)).excluded()).isNotNull();
    }
}
