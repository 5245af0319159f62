package ir.sarkhat.comment.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpPrefixesTest {

    @Test
    void ipv4KeepsTheSlash24AndIpv6TheSlash48() {
        assertThat(IpPrefixes.of("203.0.113.77")).isEqualTo("203.0.113.0/24");
        assertThat(IpPrefixes.of("2001:db8:abcd:12::7")).isEqualTo("2001:db8:abcd::/48");
        assertThat(IpPrefixes.of("::1")).isEqualTo("0:0:0::/48");
    }

    @Test
    void anythingThatIsNotAnIpLiteralGivesNoPrefixAndNoDnsLookup() {
        assertThat(IpPrefixes.of(null)).isNull();
        assertThat(IpPrefixes.of("example.com")).isNull();
        assertThat(IpPrefixes.of("unknown")).isNull();
    }
}
