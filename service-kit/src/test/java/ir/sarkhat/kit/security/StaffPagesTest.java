package ir.sarkhat.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaffPagesTest {

    @Test
    void onlyTheOwnOriginMayRunScriptsStylesAndConnectionsImagesMayAddSources() {
        assertThat(StaffPages.policy("")).contains("script-src 'self';", "style-src 'self';", "connect-src 'self';",
                "img-src 'self' data:;", "default-src 'none'").doesNotContain("unsafe");
        assertThat(StaffPages.policy("https:")).contains("img-src 'self' https: data:;");
    }
}
