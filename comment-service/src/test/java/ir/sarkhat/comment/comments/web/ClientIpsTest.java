package ir.sarkhat.comment.comments.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import ir.sarkhat.comment.comments.CommentsProperties;

/** X-Forwarded-For counts only when the gateway (a trusted proxy) sent the request, and then its last entry. */
class ClientIpsTest {

    private final ClientIps ips = new ClientIps(new CommentsProperties(0, null, null, null,
            List.of("127.0.0.1", "::1"), null));

    @Test
    void behindTheGatewayTheLastForwardedAddressIsTheReader() {
        assertThat(ips.of(request("127.0.0.1", "198.51.100.1, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(ips.of(request("0:0:0:0:0:0:0:1", "203.0.113.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void fromAnyoneElseTheHeaderIsIgnored() {
        assertThat(ips.of(request("192.0.2.5", "203.0.113.9"))).isEqualTo("192.0.2.5");
        assertThat(ips.of(request("127.0.0.1", null))).isEqualTo("127.0.0.1");
    }

    @Test
    void aTrustedRangeCoversAContainerNetwork() {
        ClientIps behindCompose = new ClientIps(new CommentsProperties(0, null, null, null,
                List.of("172.16.0.0/12"), null));
        assertThat(behindCompose.of(request("172.18.0.7", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindCompose.of(request("192.0.2.5", "203.0.113.9"))).isEqualTo("192.0.2.5");
    }

    private static MockHttpServletRequest request(String peer, String forwarded) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwarded != null) {
            request.addHeader("X-Forwarded-For", forwarded);
        }
        return request;
    }
}
