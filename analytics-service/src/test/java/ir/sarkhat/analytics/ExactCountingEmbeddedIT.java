package ir.sarkhat.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exactness against a ground truth kept by the test: a stream of page views (with re-sent duplicates under new
 * offsets) is counted while the consumer is stopped and restarted several times, and then the whole topic is
 * replayed from offset 0. Views per article, the site's views per hour and distinct visitors must equal the truth
 * every time.
 */
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sarkhat.kafka.retry.initial-interval-ms=50", "sarkhat.kafka.retry.max-interval-ms=200",
        "sarkhat.outbox.poll-interval=200ms", "spring.kafka.consumer.max-poll-records=100" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExactCountingEmbeddedIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final int ARTICLES = 8;
    static final int VIEWS = 3000;
    static final int VISITORS = 40;
    static final String EDITOR = TestTokens.bearer("editor", "EDITOR");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-analytics-exact"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    /** The truth, shared by the ordered tests: pageviewIds and visitors per article. */
    static final Map<String, Set<String>> VIEWS_OF = new HashMap<>();
    static final Map<String, Set<String>> VISITORS_OF = new HashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void countsEqualTheTruthAfterTheConsumerIsStoppedAndRestartedDuringTheStream() throws Exception {
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String id = new org.bson.types.ObjectId().toHexString();
            articles.add(id);
            VIEWS_OF.put(id, new HashSet<>());
            VISITORS_OF.put(id, new HashSet<>());
            KafkaProbe.sendCloudEvent(bootstrap(), "article-events", id, "sarkhat.article.published.v1",
                    "{\"articleId\":\"" + id + "\",\"title\":\"t" + i + "\",\"slug\":\"s" + i
                            + "\",\"publishedAt\":\"2023-04-09T11:00:00Z\"}");
        }
        MessageListenerContainer consumer = listeners.getListenerContainer("page-views");
        Random random = new Random(42);
        List<String[]> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < VIEWS; i++) {
                String[] view;
                if (i > 0 && random.nextInt(10) == 0) {
                    view = sent.get(random.nextInt(sent.size())); // a re-send: same pageviewId, new offset
                } else {
                    String article = articles.get(random.nextInt(ARTICLES));
                    String visitor = String.format("%032x", random.nextInt(VISITORS));
                    view = new String[] { article, UUID.randomUUID().toString(), visitor,
                            Instant.now().minusSeconds(random.nextInt(3000)).toString() };
                    sent.add(view);
                    VIEWS_OF.get(article).add(view[1]);
                    VISITORS_OF.get(article).add(visitor);
                }
                producer.send(record(view));
                if (i % 700 == 350) {
                    producer.flush();
                    consumer.stop(); // the consumer goes away mid-stream; what it had not committed comes back
                    await().atMost(WAIT).until(() -> !consumer.isRunning());
                    consumer.start();
                }
            }
        }
        awaitConsumed();
        assertCountsAreTheTruth();
    }

    @Test
    @Order(2)
    void replayingTheWholeTopicFromTheStartChangesNoCount() throws Exception {
        // Offsets of a group can only be moved while it has no members: stop every listener of the service.
        listeners.stop();
        await().atMost(WAIT).until(() -> listeners.getListenerContainers().stream().noneMatch(c -> c.isRunning()));
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                start.put(new TopicPartition("page-views", p), new OffsetAndMetadata(0));
            }
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                    admin.alterConsumerGroupOffsets("analytics-service", start).all().get());
        }
        listeners.start();
        awaitConsumed();
        assertCountsAreTheTruth();
    }

    private void assertCountsAreTheTruth() throws Exception {
        long total = 0;
        for (Map.Entry<String, Set<String>> article : VIEWS_OF.entrySet()) {
            String id = article.getKey();
            long views = article.getValue().size();
            total += views;
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode stats = read(get("/api/analytics/articles/" + id, null));
                assertThat(stats.get("views").asLong()).as("views of %s", id).isEqualTo(views);
            });
            // The all-time sketch: an estimate, exact at this size
            assertThat(read(get("/api/analytics/articles/" + id, null)).get("uniqueVisitors").asLong())
                    .as("visitors of %s", id).isEqualTo(VISITORS_OF.get(id).size());
        }
        JsonNode top = read(get("/api/analytics/top?period=24h&limit=100", EDITOR));
        assertThat(top.get("items")).hasSize(ARTICLES);
        for (JsonNode item : top.get("items")) {
            String id = item.get("articleId").asString();
            assertThat(item.get("views").asLong()).isEqualTo(VIEWS_OF.get(id).size());
            assertThat(item.get("uniqueVisitors").asLong()).isEqualTo(VISITORS_OF.get(id).size());
        }
        long seriesTotal = 0;
        for (JsonNode point : read(get("/api/analytics/timeseries?period=24h", EDITOR)).get("points")) {
            seriesTotal += point.get("pageviews").asLong();
        }
        assertThat(seriesTotal).as("site views per hour add up to the truth").isEqualTo(total);
    }

    private ProducerRecord<String, String> record(String[] view) {
        String data = "{\"pageviewId\":\"" + view[1] + "\",\"articleId\":\"" + view[0] + "\",\"viewedAt\":\"" + view[3]
                + "\",\"path\":\"/articles/x\",\"visitorKey\":\"" + view[2] + "\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>("page-views", view[0], data);
        record.headers().add("ce_id", view[1].getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "sarkhat.page.viewed.v1".getBytes(StandardCharsets.UTF_8))
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/sarkhat/test".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void awaitConsumed() throws Exception {
        ConsumedOffsets.await(bootstrap(), "page-views", WAIT);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer());
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
    }

    private String get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }

    private String bootstrap() {
        return String.join(",", kafka.getBootstrapServers());
    }
}
