package ir.sarkhat.gateway.pageview;

import ir.sarkhat.gateway.protection.ClientIp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** What leaves the gateway on a beacon request: the gateway's own stamp, signed, and nothing the client claimed. */
class BeaconStampFilterTest {

    private static final UserAgents AGENTS = new UserAgents();
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private final VisitorSalts salts = mock(VisitorSalts.class);
    private final StaffRequests staff = mock(StaffRequests.class);

    @Test
    void aBeaconLeavesWithTheGatewaysSignedStampAndWithoutWhatTheClientClaimed() throws Exception {
        ServerHttpRequest forwarded = forward(new BeaconSecret("s3cret"), MockServerHttpRequest
                .post("/api/analytics/events")
                .header(HttpHeaders.USER_AGENT, FIREFOX)
                .header(BeaconStampFilter.VISITOR, "ffffffffffffffffffffffffffffffff")
                .header(BeaconStampFilter.SIGNATURE, "forged")
                .header(HttpHeaders.AUTHORIZATION, "Bearer whatever"));

        HttpHeaders headers = forwarded.getHeaders();
        String visitor = headers.getFirst(BeaconStampFilter.VISITOR);
        assertThat(visitor).matches("[0-9a-f]{32}").isNotEqualTo("ffffffffffffffffffffffffffffffff");
        assertThat(headers.getFirst(BeaconStampFilter.CLIENT)).isEqualTo("Firefox|Linux|Desktop|");
        assertThat(headers.getFirst(HttpHeaders.AUTHORIZATION)).isNull();
        String payload = visitor + "\n" + headers.getFirst(BeaconStampFilter.CLIENT) + "\n"
                + headers.getFirst(BeaconStampFilter.STAMPED_AT);
        assertThat(headers.getFirst(BeaconStampFilter.SIGNATURE)).isEqualTo(hmac("s3cret", payload));
        assertThat(headers.toString()).doesNotContain(FIREFOX);
    }

    @Test
    void staffBeaconsAreMarkedNotToCount() {
        when(staff.isStaff(any())).thenReturn(true);
        ServerHttpRequest forwarded = forward(new BeaconSecret("s3cret"), MockServerHttpRequest
                .post("/api/analytics/events").header(HttpHeaders.USER_AGENT, FIREFOX));

        assertThat(forwarded.getHeaders().getFirst(BeaconStampFilter.CLIENT)).endsWith("|staff");
    }

    @Test
    void withoutASecretNothingIsStampedAndClaimsAreStillRemoved() {
        ServerHttpRequest forwarded = forward(new BeaconSecret(""), MockServerHttpRequest
                .post("/api/analytics/events").header(BeaconStampFilter.VISITOR, "forged"));

        assertThat(forwarded.getHeaders().getFirst(BeaconStampFilter.VISITOR)).isNull();
        assertThat(forwarded.getHeaders().getFirst(BeaconStampFilter.SIGNATURE)).isNull();
    }

    @Test
    void otherRequestsPassUntouched() {
        ServerHttpRequest forwarded = forward(new BeaconSecret("s3cret"), MockServerHttpRequest
                .get("/api/analytics/events").header(BeaconStampFilter.VISITOR, "as-sent"));

        assertThat(forwarded.getHeaders().getFirst(BeaconStampFilter.VISITOR)).isEqualTo("as-sent");
    }

    private ServerHttpRequest forward(BeaconSecret secret, MockServerHttpRequest.BaseBuilder<?> request) {
        when(salts.saltFor(any())).thenReturn(Mono.just(new byte[32]));
        BeaconStampFilter filter = new BeaconStampFilter(salts, AGENTS, staff, secret, new ClientIp(0));
        AtomicReference<ServerHttpRequest> forwarded = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request.build()), exchange -> {
            forwarded.set(exchange.getRequest());
            return Mono.empty();
        }).block();
        return forwarded.get();
    }

    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
