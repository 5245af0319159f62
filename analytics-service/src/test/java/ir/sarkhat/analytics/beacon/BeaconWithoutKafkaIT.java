package ir.sarkhat.analytics.beacon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.TestTokens;

/**
 * No broker: a beacon for a known article is refused at once with 503 problem+json and {@code Retry-After}, instead
 * of holding a request thread (and the gateway's time limit) until Kafka comes back, and nothing is acknowledged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.listener.auto-startup=false",
        "sarkhat.beacon.secret=" + BeaconWithoutKafkaIT.SECRET,
        "spring.mongodb.database=sarkhat-analytics-kafka-down" })
@DirtiesContext
class BeaconWithoutKafkaIT {

    static final String SECRET = "beacon-secret-kafka-down";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            int nothingListens = socket.getLocalPort(); // free once closed
            registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + nothingListens);
        }
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-analytics-kafka-down"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void aBeaconIsRefusedQuicklyWithRetryAfterWhenTheBrokerIsUnreachable() throws Exception {
        String slug = "kafka-down-" + UUID.randomUUID();
        mongo.insert(new Document("_id", new org.bson.types.ObjectId().toHexString()).append("title", "خبر")
                .append("slug", slug).append("publishedAt", new java.util.Date()), "articles");
        String body = """
                {"type":"pageview","pageviewId":"%s","url":"https://sarkhat.example/articles/%s"}"""
                .formatted(UUID.randomUUID(), slug);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/analytics/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        BeaconStamps.stamp(SECRET, "dddddddddddddddddddddddddddddddd", "Firefox|Android|Mobile|").forEach(request::header);

        long started = System.nanoTime();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.body()).contains("\"status\":503");
        // max.block.ms is 0.5 s; the shared producer would have held the thread 5 s, the old code waited 5 s more.
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(meters.counter("sarkhat.beacon.refused").count()).isEqualTo(1);
        assertThat(meters.counter("sarkhat.beacon.delivery.failed").count()).isZero();
    }
}
