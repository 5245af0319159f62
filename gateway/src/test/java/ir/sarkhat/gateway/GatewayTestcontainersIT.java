package ir.sarkhat.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.gateway.support.StubBackend;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The main scenario against a real MongoDB and a real Kafka broker. Skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sarkhat.admin.password=" + GatewayTestcontainersIT.ADMIN_PASSWORD,
        "sarkhat.gateway.page-views.partitions=1",
})
class GatewayTestcontainersIT {

    static final String ADMIN_PASSWORD = "containers-admin-password";

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    static final StubBackend ARTICLES = StubBackend.start("article-service");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("sarkhat.gateway.article-service-uri", ARTICLES::baseUri);
    }

    @LocalServerPort
    int port;

    @Test
    void loginThenReadAnArticleThroughTheGateway() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();

        http.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.accessToken").isNotEmpty();
        http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();

        http.get().uri("/articles/x").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(StubBackend.ARTICLE_ID_HEADER);

        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "tc-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("page-views"));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().filter(r -> "a1".equals(r.key())).findFirst().orElse(null);
            }, found -> found != null);
            assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("sarkhat.page.viewed.v1");
            EventContracts.assertValid("page-viewed.v1.schema.json", record.value());
        }
    }
}
