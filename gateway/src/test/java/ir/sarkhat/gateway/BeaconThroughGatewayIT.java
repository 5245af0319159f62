package ir.sarkhat.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import ir.sarkhat.gateway.support.StubBackend;
import ir.sarkhat.kit.test.EmbeddedMongo;

/**
 * Beacons through the whole gateway to a stand-in analytics-service: the body arrives as sent (the gateway reads it for
 * the robot threshold and hands it on), page-view beacons over the visitor's daily threshold and beacons of a signed-in
 * staff member's browser (its cookie, no token) are stamped with the reason they must not count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sarkhat.admin.password=" + GatewayIntegrationTest.ADMIN_PASSWORD,
        "sarkhat.gateway.page-views.partitions=1",
        "sarkhat.gateway.page-views.hit-threshold=2",
        "sarkhat.beacon.secret=beacon-secret-for-tests",
        "sarkhat.gateway.rate-limits.rules.beacon.limit=100000",
        "sarkhat.gateway.rate-limits.rules.login.limit=100000",
})
@EmbeddedKafka(partitions = 1, topics = "page-views", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class BeaconThroughGatewayIT {

    private static final StubBackend ANALYTICS = StubBackend.start("analytics-service");
    private static final String BEACONS = "/api/analytics/events";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-gateway-beacon-it"));
        registry.add("sarkhat.gateway.analytics-service-uri", ANALYTICS::baseUri);
    }

    @Test
    void pageViewBeaconsOverTheThresholdAreStampedHitThresholdAndArriveUnchanged() {
        String body = "{\"type\":\"pageview\",\"url\":\"https://sarkhat.example/articles/x\",\"referrer\":\"https://t.me/\"}";
        for (int i = 1; i <= 3; i++) {
            post(body, FIREFOX + " greedy", null);
            assertThat(ANALYTICS.lastBody(BEACONS)).isEqualTo(body);
            assertThat(client()).as("beacon %d", i).isEqualTo(i <= 2 ? "Firefox|Linux|Desktop|" : "Firefox|Linux|Desktop|hit-threshold");
        }
        // Engagement pings are not views.
        post("{\"type\":\"engagement\",\"url\":\"https://sarkhat.example/articles/x\",\"engagedMs\":1}", FIREFOX + " reader",
                null);
        post(body, FIREFOX + " reader", null);
        post(body, FIREFOX + " reader", null);
        assertThat(client()).isEqualTo("Firefox|Linux|Desktop|");
    }

    @Test
    void beaconsFromASignedInStaffBrowserAreStampedStaffByItsCookie() {
        ResponseCookie staff = http().post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", GatewayIntegrationTest.ADMIN_PASSWORD))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("sarkhat_staff");
        assertThat(staff).isNotNull();
        String body = "{\"type\":\"pageview\",\"url\":\"https://sarkhat.example/articles/x\"}";

        post(body, FIREFOX + " staff", staff.getValue());
        assertThat(client()).isEqualTo("Firefox|Linux|Desktop|staff");
        assertThat(StubBackend.first(ANALYTICS.lastHeaders(BEACONS), HttpHeaders.COOKIE)).isNull();
        post(body, FIREFOX + " staff", null);
        assertThat(client()).isEqualTo("Firefox|Linux|Desktop|");
    }

    @Test
    void fiftyBeaconsAtOnceAllPassTheBeaconRoutesBreaker() {
        String body = "{\"type\":\"engagement\",\"url\":\"https://sarkhat.example/articles/x\",\"engagedMs\":1}";
        // More calls in flight than Resilience4j's default bulkhead (25) allows: none may be refused or open the circuit.
        java.util.List<Integer> statuses = reactor.core.publisher.Flux.range(0, 50)
                .flatMap(i -> org.springframework.web.reactive.function.client.WebClient.create("http://127.0.0.1:" + port)
                        .post().uri(BEACONS).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 50)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).hasSize(50).containsOnly(200);
    }

    private void post(String body, String userAgent, String staffCookie) {
        WebTestClient.RequestBodySpec request = http().post().uri(BEACONS).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.USER_AGENT, userAgent);
        if (staffCookie != null) {
            request = request.cookie("sarkhat_staff", staffCookie);
        }
        request.bodyValue(body).exchange().expectStatus().isOk();
    }

    private static String client() {
        return java.net.URLDecoder.decode(StubBackend.first(ANALYTICS.lastHeaders(BEACONS), "X-Sarkhat-Client"),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
