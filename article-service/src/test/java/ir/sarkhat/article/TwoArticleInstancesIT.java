package ir.sarkhat.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;

/**
 * Two article-service instances on one Kafka and one MongoDB, as two pods behind a load balancer:
 * they behave as one service, and one request can be followed by its trace id from the HTTP call
 * through the outbox and Kafka into the consumers of the event it caused.
 */
class TwoArticleInstancesIT {

    private static final String DATABASE = "sarkhat-articles-two";
    private static final String EDITOR = TestTokens.bearer("editor-1", "EDITOR");
    private static final RecordedSpans SPANS = new RecordedSpans();

    private static EmbeddedKafkaKraftBroker kafka;
    private static ArticleInstance first;
    private static ArticleInstance second;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        String mongo = EmbeddedMongo.uri(DATABASE);
        first = ArticleInstance.start(kafka.getBrokersAsString(), mongo, DATABASE, SPANS);
        second = ArticleInstance.start(kafka.getBrokersAsString(), mongo, DATABASE, SPANS);
        first.awaitCacheListener();
        second.awaitCacheListener();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] { first, second }) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // the other instance and the broker still stop
            }
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    void oneTraceRunsFromTheRequestThroughTheOutboxIntoTheConsumers() {
        String id = draft(first, "ردیابی یک درخواست", "متن خبر");
        String traceId = HexFormat.of().formatHex(random(16));
        String parentSpan = HexFormat.of().formatHex(random(8));

        HttpResponse<String> published = first.http.send("POST", "/api/articles/" + id + "/publish", null, EDITOR,
                "traceparent", "00-" + traceId + "-" + parentSpan + "-01");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        ConsumerRecord<String, String> event = KafkaProbe.awaitRecord(kafka.getBrokersAsString(), "article-events",
                r -> id.equals(r.key()), Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(event, "traceparent"))
                .as("the relayed record carries the request's trace, though the relay sent it later")
                .startsWith("00-" + traceId + "-").endsWith("-01");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanData> trace = SPANS.ofTrace(traceId);
            assertThat(trace).as("spans of trace " + traceId + ": " + names(trace))
                    .anySatisfy(s -> assertThat(s.getKind()).isEqualTo(SpanKind.SERVER))
                    .anySatisfy(s -> assertThat(s.getKind()).isEqualTo(SpanKind.PRODUCER))
                    .anySatisfy(s -> {
                        assertThat(s.getKind()).isEqualTo(SpanKind.CONSUMER);
                        assertThat(s.getName()).contains("article-events");
                    });
        });
        SpanData server = SPANS.ofTrace(traceId).stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst()
                .orElseThrow();
        assertThat(server.getParentSpanId()).as("the HTTP span continues the caller's span").isEqualTo(parentSpan);
    }

    @Test
    void anEditOnOneInstanceEvictsTheCachedPageOnBoth() {
        String id = draft(first, "خبر در دو نمونه", "نسخه نخست");
        assertThat(first.http.send("POST", "/api/articles/" + id + "/publish", null, EDITOR).statusCode())
                .isEqualTo(200);
        HttpResponse<String> stored = first.http.get("/api/articles/id/" + id, EDITOR);
        String slug = Http.json(stored).get("slug").asString();
        String etag = stored.headers().firstValue("ETag").orElseThrow();
        String page = "/articles/" + Http.segment(slug);
        // Both instances render and cache the page.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(first.http.get(page).body()).contains("نسخه نخست");
            assertThat(second.http.get(page).body()).contains("نسخه نخست");
        });

        HttpResponse<String> edited = second.http.send("PUT", "/api/articles/" + id, Http.JSON.writeValueAsString(
                Map.of("title", "خبر در دو نمونه", "body", "نسخه دوم", "tags", List.of(), "source", "ایسنا")), EDITOR,
                "If-Match", etag);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

        // The cache TTL is 60 s: only the ArticleUpdated event can make both show the edit this soon.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(first.http.get(page).body()).contains("نسخه دوم");
            assertThat(second.http.get(page).body()).contains("نسخه دوم");
        });
    }

    @Test
    void aScheduledArticleIsPublishedOnceThoughBothInstancesPoll() {
        String id = draft(second, "خبر زمان‌بندی شده در دو نمونه", "متن");
        String publishAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> scheduled = second.http.send("POST", "/api/articles/" + id + "/schedule",
                Http.JSON.writeValueAsString(Map.of("publishAt", publishAt)), EDITOR);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Http.json(first.http.get("/api/articles/id/" + id, EDITOR)).get("status").asString())
                .isEqualTo("PUBLISHED"));
        // Both schedulers polled every second past the due time; read long enough to see a second event.
        List<ConsumerRecord<String, String>> events = KafkaProbe.readAll(kafka.getBrokersAsString(), "article-events",
                Duration.ofSeconds(4)).stream().filter(r -> id.equals(r.key())).toList();
        assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_type"))
                .containsExactly("sarkhat.article.published.v1");
    }

    @Test
    void eachInstanceAnswersItsProbesAndExposesItsMetrics() {
        for (ArticleInstance instance : List.of(first, second)) {
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/livez", "/readyz")) {
                HttpResponse<String> answer = instance.http.get(probe);
                assertThat(answer.statusCode()).as(probe).isEqualTo(200);
                assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"");
            }
            instance.http.get("/api/articles"); // at least one request for the HTTP metrics
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                String metrics = instance.http.get("/actuator/prometheus").body();
                assertThat(metrics)
                        .contains("http_server_requests_seconds_bucket{")
                        .contains("application=\"article-service\"")
                        .contains("sarkhat_outbox_pending{")
                        .contains("sarkhat_events_consumed_total{")
                        .contains("collection=\"articles\"")
                        .contains("sarkhat_outbox_oldest_age_seconds{")
                        .contains("kafka_consumer_fetch_manager_records_lag_max{")
                        .contains("spring_kafka_listener_seconds_count{");
            });
            assertThat(instance.http.get("/actuator/env").statusCode()).as("other actuator endpoints stay closed")
                    .isIn(401, 403, 404);
        }
    }

    private static String draft(ArticleInstance instance, String title, String body) {
        HttpResponse<String> created = instance.http.post("/api/articles", Http.JSON.writeValueAsString(
                Map.of("title", title, "body", body, "tags", List.of(), "source", "ایسنا")), EDITOR);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asString();
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(s -> s.getKind() + " " + s.getName()).toList();
    }
}
