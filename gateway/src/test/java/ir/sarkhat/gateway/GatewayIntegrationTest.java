package ir.sarkhat.gateway;

import java.time.Duration;
import java.util.Map;

import ir.sarkhat.gateway.support.FreePorts;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.gateway.support.StubBackend;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole gateway on a random port, with an embedded Kafka broker, the in-memory MongoDB-protocol server, stub
 * article and comment services, and an analytics service that is down. Every subclass shares this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sarkhat.admin.password=" + GatewayIntegrationTest.ADMIN_PASSWORD,
        "sarkhat.gateway.page-views.partitions=1",
        // PageViewIT reaches it with a user agent of its own; every other test's reads have none (robots, not counted).
        "sarkhat.gateway.page-views.hit-threshold=5",
        // The relay is driven by hand in its test; the scheduled one must not race it.
        "sarkhat.gateway.page-views.relay-interval=1h",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
        // Every test here calls from 127.0.0.1: limits that tests of other things never reach.
        // ProtectionIT tests the limits with small values and client addresses of its own.
        "sarkhat.gateway.rate-limits.rules.login.limit=100000",
        "sarkhat.gateway.rate-limits.rules.comment-post.limit=100000",
        "sarkhat.gateway.rate-limits.rules.search.limit=100000",
        "sarkhat.gateway.rate-limits.rules.beacon.limit=100000",
        "sarkhat.security.login-throttle.ip-threshold=100000",
        // A rotated key signs at once here; production waits until every instance knows it.
        "sarkhat.security.key-activation-delay=0s",
})
@EmbeddedKafka(partitions = 1, topics = "page-views", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class GatewayIntegrationTest {

    protected static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP =
            new ParameterizedTypeReference<>() {
            };
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    protected static final StubBackend ARTICLES = StubBackend.start("article-service");
    protected static final StubBackend COMMENTS = StubBackend.start("comment-service");
    protected static final int DEAD_PORT = FreePorts.closed();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-gateway-it"));
        registry.add("sarkhat.gateway.article-service-uri", ARTICLES::baseUri);
        registry.add("sarkhat.gateway.comment-service-uri", COMMENTS::baseUri);
        registry.add("sarkhat.gateway.analytics-service-uri", () -> "http://127.0.0.1:" + DEAD_PORT);
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    protected String login(String username, String password) {
        Map<String, Object> body = http().post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        return (String) body.get("accessToken");
    }

    protected String adminToken() {
        return login("admin", ADMIN_PASSWORD);
    }
}
