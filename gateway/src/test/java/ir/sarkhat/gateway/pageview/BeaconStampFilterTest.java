package ir.sarkhat.gateway.pageview;

import ir.sarkhat.gateway.protection.ClientIp;
import ir.sarkhat.gateway.ratelimit.RateCounters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** What leaves the gateway on a beacon request: the gateway's own stamp, signed, and nothing the client claimed. */
class BeaconStampFilterTest {

    private static final UserAgents AGENTS = new UserAgents();
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Mobile Safari/537.36";
    private static final PageviewIds IDS = new PageviewIds(new BeaconSecret("s3cret"));

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

    @Test
    void aVisitorsPageViewBeaconsOverTheDailyThresholdAreStampedHitThresholdAndTheBodyGoesOnUnchanged() {
        VisitorHits hits = new VisitorHits(RateCounters.inMemory(Duration.ofDays(1)), 2);
        String view = "{\"type\":\"pageview\",\"url\":\"https://sarkhat.example/articles/x\"}";

        assertThat(clientOf(beacon(view, FIREFOX), hits)).isEqualTo("Firefox|Linux|Desktop|");
        assertThat(clientOf(beacon(view, FIREFOX), hits)).isEqualTo("Firefox|Linux|Desktop|");
        // Engagement pings are not page views: they neither count nor get excluded.
        String ping = "{\"type\":\"engagement\",\"url\":\"https://sarkhat.example/articles/x\",\"engagedMs\":5}";
        assertThat(clientOf(beacon(ping, FIREFOX), hits)).isEqualTo("Firefox|Linux|Desktop|");
        ServerHttpRequest third = forward(new BeaconSecret("s3cret"), beacon(view, FIREFOX), hits);
        assertThat(third.getHeaders().getFirst(BeaconStampFilter.CLIENT)).isEqualTo("Firefox|Linux|Desktop|hit-threshold");
        assertThat(DataBufferUtils.join(third.getBody()).map(b -> b.toString(StandardCharsets.UTF_8)).block())
                .isEqualTo(view);
        // Another visitor (another user agent from the same address) has a count of its own.
        assertThat(clientOf(beacon(view, CHROME), hits)).isEqualTo("Chrome|Android|Mobile|");
    }

    @Test
    void aBeaconOfAViewTheGatewayServedIsNotCountedTwiceButStillJudged() {
        VisitorHits hits = new VisitorHits(RateCounters.inMemory(Duration.ofDays(1)), 1);
        String issued = IDS.issue();
        String view = "{\"type\":\"pageview\",\"pageviewId\":\"" + issued + "\",\"url\":\"https://sarkhat.example/articles/x\"}";
        // One view the gateway did not serve (a random id) brings the visitor to 1 of 1: not over yet.
        String unseen = view.replace(issued, java.util.UUID.randomUUID().toString());
        assertThat(clientOf(beacon(unseen, FIREFOX), hits)).isEqualTo("Firefox|Linux|Desktop|");

        // Beacons of a view the gateway served (counted when it served the page), however many, add nothing.
        for (int i = 0; i < 3; i++) {
            assertThat(clientOf(beacon(view, FIREFOX), hits)).isEqualTo("Firefox|Linux|Desktop|");
        }
        // Another id the gateway did not issue is a view it has not seen: counted, and now over.
        String forged = view.replace(issued, java.util.UUID.randomUUID().toString());
        assertThat(clientOf(beacon(forged, FIREFOX), hits)).isEqualTo("Firefox|Linux|Desktop|hit-threshold");
        // From then on even the beacon of a served view is excluded, as its server-side copy would be.
        assertThat(clientOf(beacon(view, FIREFOX), hits)).isEqualTo("Firefox|Linux|Desktop|hit-threshold");
    }

    @Test
    void pageviewIdsIssuedByTheGatewayAreRecognisedAndOthersAreNot() {
        String id = IDS.issue();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(IDS.issuedHere(id)).isTrue();
        assertThat(new PageviewIds(new BeaconSecret("s3cret")).issuedHere(id)).as("another instance, same secret").isTrue();
        assertThat(new PageviewIds(new BeaconSecret("other")).issuedHere(id)).isFalse();
        assertThat(IDS.issuedHere(java.util.UUID.randomUUID().toString())).isFalse();
        assertThat(IDS.issuedHere(id.substring(0, 35) + (id.endsWith("0") ? "1" : "0"))).isFalse();
        assertThat(IDS.issuedHere("not-an-id")).isFalse();
        assertThat(IDS.issuedHere(null)).isFalse();
    }

    private static MockServerHttpRequest beacon(String body, String userAgent) {
        return MockServerHttpRequest.post("/api/analytics/events").header(HttpHeaders.USER_AGENT, userAgent)
                .header(HttpHeaders.CONTENT_TYPE, "application/json").body(body);
    }

    private String clientOf(MockServerHttpRequest request, VisitorHits hits) {
        return forward(new BeaconSecret("s3cret"), request, hits).getHeaders().getFirst(BeaconStampFilter.CLIENT);
    }

    private ServerHttpRequest forward(BeaconSecret secret, MockServerHttpRequest.BaseBuilder<?> request) {
        return forward(secret, request, new VisitorHits(null, 0));
    }

    private ServerHttpRequest forward(BeaconSecret secret, Object request, VisitorHits hits) {
        when(salts.saltFor(any())).thenReturn(Mono.just(new byte[32]));
        BeaconStampFilter filter = new BeaconStampFilter(salts, AGENTS, staff, secret, new ClientIp(0), hits, IDS);
        AtomicReference<ServerHttpRequest> forwarded = new AtomicReference<>();
        MockServerHttpRequest built = request instanceof MockServerHttpRequest ready ? ready
                : ((MockServerHttpRequest.BaseBuilder<?>) request).build();
        filter.filter(MockServerWebExchange.from(built), exchange -> {
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
