package ir.sarkhat.gateway.protection;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIpTest {

    private static MockServerHttpRequest from(String peer, String... forwardedFor) {
        return MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(peer, 40000))
                .header("X-Forwarded-For", forwardedFor).build();
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(new ClientIp(0).of(from("192.0.2.9", "1.2.3.4"))).isEqualTo("192.0.2.9");
    }

    @Test
    void withOneProxyTheRightmostEntryIsTheClient() {
        ClientIp ip = new ClientIp(1);
        assertThat(ip.of(from("10.0.0.1", "203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(ip.of(from("10.0.0.1", "6.6.6.6, 203.0.113.5"))).as("spoofed entries sit to the left")
                .isEqualTo("203.0.113.5");
        assertThat(ip.of(from("10.0.0.1", "6.6.6.6", "203.0.113.5"))).as("several headers are one list")
                .isEqualTo("203.0.113.5");
        assertThat(ip.of(from("10.0.0.1"))).as("no header: the peer").isEqualTo("10.0.0.1");
    }

    @Test
    void withTwoProxiesTheSecondFromTheRight() {
        assertThat(new ClientIp(2).of(from("10.0.0.1", "6.6.6.6, 203.0.113.5, 10.0.0.7"))).isEqualTo("203.0.113.5");
    }
}
