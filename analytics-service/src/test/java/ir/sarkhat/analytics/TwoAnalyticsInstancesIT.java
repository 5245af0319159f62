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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two analytics-service instances in one consumer group share the page-views partitions: together they
 * count every view exactly once (redeliveries included), and either one answers the public API with
 * the same totals. Written against the public API and the PageViewed contract only.
 */
class TwoAnalyticsInstancesIT {

    private static final String DATABASE = "sarkhat-analytics-two";
    private static final int PARTITIONS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EmbeddedKafkaKraftBroker kafka;
    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        kafka.afterPropertiesSet();
        for (int i = 0; i < 2; i++) {
            instances.add(new SpringApplicationBuilder(AnalyticsApplication.class).run(
                    "--server.port=0",
                    "--spring.mongodb.uri=" + EmbeddedMongo.uri(DATABASE),
                    "--spring.mongodb.database=" + DATABASE,
                    "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                    "--sarkhat.security.public-key-location=" + TestTokens.publicKeyLocation(),
                    "--sarkhat.outbox.poll-interval=200ms"));
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    void twoConsumersShareThePartitionsAndCountEveryViewOnce() throws Exception {
        awaitBothInstancesOwnPageViewPartitions();
        // One article per partition, so both instances must take part.
        List<String> articles = articlesCoveringEveryPartition();
        Map<String, Long> expectedViews = new HashMap<>();
        int records = 0;
        try (KafkaProducer<String, String> producer = producer()) {
            for (String articleId : articles) {
                for (int view = 0; view < 20; view++) {
                    String pageviewId = UUID.randomUUID().toString();
                    String visitor = "%032x".formatted(view % 4);
                    int copies = view < 5 ? 2 : 1; // a redelivery: same event id, same page view
                    for (int copy = 0; copy < copies; copy++) {
                        producer.send(pageViewed(articleId, pageviewId, visitor)).get();
                        records++;
                    }
                }
                expectedViews.put(articleId, 20L);
            }
        }

        for (ConfigurableApplicationContext instance : instances) {
            for (String articleId : articles) {
                await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
                    JsonNode stats = stats(instance, articleId);
                    assertThat(stats.get("views").asLong()).as("views of " + articleId).isEqualTo(expectedViews.get(articleId));
                    assertThat(stats.get("uniqueVisitors").asLong()).isEqualTo(4L);
                });
            }
        }
        int sent = records;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            double first = consumedPageViews(instances.get(0));
            double second = consumedPageViews(instances.get(1));
            assertThat(first).as("page views ingested by the first instance").isPositive();
            assertThat(second).as("page views ingested by the second instance").isPositive();
            assertThat(first + second).as("every record handled once by the group").isEqualTo(sent);
        });
    }

    private static void awaitBothInstancesOwnPageViewPartitions() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("analytics-service"))
                        .all().get().get("analytics-service");
                long owners = group.members().stream().map(MemberDescription::assignment)
                        .filter(a -> a.topicPartitions().stream().anyMatch(tp -> tp.topic().equals("page-views")))
                        .count();
                return owners == 2;
            });
        }
    }

    private static List<String> articlesCoveringEveryPartition() {
        Map<Integer, String> byPartition = new HashMap<>();
        while (byPartition.size() < PARTITIONS) {
            String id = new ObjectId().toHexString();
            byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % PARTITIONS, id);
        }
        return List.copyOf(byPartition.values());
    }

    private static ProducerRecord<String, String> pageViewed(String articleId, String pageviewId, String visitor) {
        ObjectNode view = (ObjectNode) JSON.readTree(EventContracts.examples("page-viewed.v1.schema.json").get(0));
        view.put("pageviewId", pageviewId).put("articleId", articleId).put("visitorKey", visitor)
                .put("viewedAt", Instant.now().minusSeconds(60).toString());
        ProducerRecord<String, String> record = new ProducerRecord<>("page-views", articleId, view.toString());
        for (String[] header : new String[][] { { "ce_specversion", "1.0" }, { "ce_id", pageviewId },
                { "ce_source", "/sarkhat/gateway" }, { "ce_type", "sarkhat.page.viewed.v1" },
                { "ce_time", Instant.now().toString() }, { "ce_subject", articleId },
                { "content-type", "application/json" } }) {
            record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static JsonNode stats(ConfigurableApplicationContext instance, String articleId) throws Exception {
        HttpResponse<String> response = get(instance, "/api/analytics/articles/" + articleId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** {@code sarkhat_events_consumed_total{topic="page-views"}} of one instance (0 when absent). */
    private static double consumedPageViews(ConfigurableApplicationContext instance) throws Exception {
        return get(instance, "/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("sarkhat_events_consumed_total{") && line.contains("topic=\"page-views\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws Exception {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
