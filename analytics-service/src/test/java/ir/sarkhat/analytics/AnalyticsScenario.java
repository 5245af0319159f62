package ir.sarkhat.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import ir.sarkhat.kit.test.TokenChecks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service's main scenario, fed with the producers' schema examples over a real broker and
 * checked through its API and its published events. Run on embedded infrastructure and, where
 * Docker exists, on real Kafka and MongoDB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sarkhat.kafka.retry.initial-interval-ms=50",
        "sarkhat.kafka.retry.max-interval-ms=200",
        "sarkhat.outbox.poll-interval=200ms",
        "sarkhat.analytics.site-hosts=sarkhat.example",
        "sarkhat.beacon.secret=" + AnalyticsScenario.BEACON_SECRET })
abstract class AnalyticsScenario {

    static final String PAGE_VIEWED = "sarkhat.page.viewed.v1";
    static final String PUBLISHED = "sarkhat.article.published.v1";
    static final String SUBMITTED = "sarkhat.comment.submitted.v1";
    static final String APPROVED = "sarkhat.comment.approved.v1";
    static final String REJECTED = "sarkhat.comment.rejected.v1";
    static final String DELETED = "sarkhat.comment.deleted.v1";
    static final String STATS_SCHEMA = "article-stats-updated.v1.schema.json";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String EDITOR = TestTokens.bearer("editor", "EDITOR");
    static final String BEACON_SECRET = "beacon-test-secret";

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    OutboxRelay relay;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void countsEveryViewOnceAndPublishesVersionedTotals() throws Exception {
        String articleId = new org.bson.types.ObjectId().toHexString(); // real article ids look like ObjectIds: they must match as strings
        ObjectNode article = example("article-published.v1.schema.json").put("articleId", articleId);
        String title = article.get("title").asString();
        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", articleId, PUBLISHED, article.toString());
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(stats(articleId)).isEqualTo(Map.of("articleId", articleId, "views", 0, "uniqueVisitors", 0,
                        "comments", 0)));

        List<String> views = new ArrayList<>();
        for (String visitor : List.of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")) {
            String pageviewId = UUID.randomUUID().toString();
            views.add(pageviewId);
            sendPageView(articleId, pageviewId, visitor);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(stats(articleId))
                .containsEntry("views", 5).containsEntry("uniqueVisitors", 2).containsEntry("comments", 0));

        ConsumerRecord<String, String> published = KafkaProbe.awaitRecord(bootstrap(), "article-stats",
                r -> articleId.equals(r.key()) && read(r.value()).get("views").asLong() == 5, WAIT);
        assertIsAStatsCloudEvent(published, articleId);

        // The same five events again, same ce_id and pageviewId: a redelivery or a replay.
        for (int i = 0; i < 5; i++) {
            sendPageView(articleId, views.get(i), i < 3 ? "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                    : "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        }
        awaitConsumed("page-views");
        assertThat(stats(articleId)).containsEntry("views", 5).containsEntry("uniqueVisitors", 2);

        String comment = example("comment-submitted.v1.schema.json").put("articleId", articleId)
                .put("commentId", "comment-" + UUID.randomUUID()).toString();
        String submittedId = KafkaProbe.sendCloudEvent(bootstrap(), "comment-events", articleId, SUBMITTED, comment);
        String approval = example("comment-approved.v1.schema.json").put("articleId", articleId)
                .put("commentId", read(comment).get("commentId").asString()).toString();
        KafkaProbe.sendCloudEvent(bootstrap(), "comment-events", articleId, APPROVED, approval);
        await().atMost(WAIT).untilAsserted(() -> assertThat(stats(articleId)).containsEntry("comments", 1));

        // A late redelivery of the submission does not take the approval back.
        KafkaProbe.sendCloudEvent(bootstrap(), "comment-events", articleId, SUBMITTED, comment, submittedId);
        awaitConsumed("comment-events");
        assertThat(stats(articleId)).isEqualTo(Map.of("articleId", articleId, "views", 5, "uniqueVisitors", 2,
                "comments", 1));

        List<ConsumerRecord<String, String>> before = statsEventsOf(articleId);
        assertThat(before).isNotEmpty();
        assertThat(versions(before)).isSorted().doesNotHaveDuplicates();
        JsonNode latest = read(before.get(before.size() - 1).value());
        assertThat(latest.get("views").asLong()).isEqualTo(5);
        assertThat(latest.get("uniqueVisitors").asLong()).isEqualTo(2);
        assertThat(latest.get("comments").asLong()).isEqualTo(1);

        // A pure replay of everything changes no total, so it publishes nothing.
        for (int i = 0; i < 5; i++) {
            sendPageView(articleId, views.get(i), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        }
        KafkaProbe.sendCloudEvent(bootstrap(), "comment-events", articleId, APPROVED, approval);
        awaitConsumed("page-views");
        awaitConsumed("comment-events");
        await().atMost(WAIT).until(() -> relay.pendingEvents() == 0);
        assertThat(versions(statsEventsOf(articleId))).isEqualTo(versions(before));

        assertThat(get("/api/analytics/top?period=24h").statusCode()).as("reports need a staff token").isEqualTo(401);
        assertThat(get("/api/analytics/top?period=24h", TestTokens.bearer("mod", "MODERATOR")).statusCode())
                .as("a moderator is not an editor").isEqualTo(403);
        HttpResponse<String> top = get("/api/analytics/top?period=24h&limit=10", EDITOR);
        assertThat(top.statusCode()).isEqualTo(200);
        JsonNode body = read(top.body());
        assertThat(body.get("period").asString()).isEqualTo("24h");
        assertThat(Instant.parse(body.get("from").asString())).isBefore(Instant.parse(body.get("to").asString()));
        JsonNode first = body.get("items").get(0);
        assertThat(first.get("articleId").asString()).isEqualTo(articleId);
        assertThat(first.get("title").asString()).isEqualTo(title);
        assertThat(first.get("slug").asString()).isEqualTo(article.get("slug").asString());
        assertThat(first.get("views").asLong()).isEqualTo(5);
        assertThat(first.get("uniqueVisitors").asLong()).isEqualTo(2);
    }

    @Test
    void theCommentCountIsRightThroughEveryModerationTransitionAndAReplayChangesNothing() throws Exception {
        String articleId = new org.bson.types.ObjectId().toHexString();
        String commentId = new org.bson.types.ObjectId().toHexString();
        String other = new org.bson.types.ObjectId().toHexString();
        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", articleId, PUBLISHED,
                example("article-published.v1.schema.json").put("articleId", articleId).toString());

        // Each step: the schema's example for this comment, with its own time, and the count after it.
        List<String[]> history = List.of(
                event(SUBMITTED, comment("comment-submitted.v1.schema.json", articleId, other)),
                event(APPROVED, comment("comment-approved.v1.schema.json", articleId, other)),
                event(SUBMITTED, comment("comment-submitted.v1.schema.json", articleId, commentId)),
                event(APPROVED, comment("comment-approved.v1.schema.json", articleId, commentId)),
                event(REJECTED, comment("comment-rejected.v1.schema.json", articleId, commentId)),
                event(APPROVED, comment("comment-approved.v1.schema.json", articleId, commentId)
                        .put("approvedAt", "2023-04-09T11:30:00Z")),
                event(REJECTED, comment("comment-rejected.v1.schema.json", articleId, commentId)
                        .put("status", "SPAM").put("previousStatus", "APPROVED").put("rejectedAt", "2023-04-09T12:00:00Z")),
                event(DELETED, comment("comment-deleted.v1.schema.json", articleId, commentId)));
        long[] countAfter = { 0, 1, 1, 2, 1, 2, 1, 1 };
        for (int i = 0; i < history.size(); i++) {
            String[] step = history.get(i);
            KafkaProbe.sendCloudEvent(bootstrap(), "comment-events", articleId, step[0], step[1], step[2]);
            long expected = countAfter[i];
            await().atMost(WAIT).untilAsserted(() -> assertThat(stats(articleId)).containsEntry("comments", (int) expected));
            awaitConsumed("comment-events");
            assertThat(stats(articleId)).as("after %s", step[0]).containsEntry("comments", (int) expected);
        }
        await().atMost(WAIT).until(() -> relay.pendingEvents() == 0);
        List<ConsumerRecord<String, String>> published = statsEventsOf(articleId);
        assertThat(read(published.get(published.size() - 1).value()).get("comments").asLong()).isEqualTo(1);

        // The whole sequence again (a replay, or a redelivery after a crash): same events, nothing changes.
        for (String[] step : history) {
            KafkaProbe.sendCloudEvent(bootstrap(), "comment-events", articleId, step[0], step[1], step[2]);
        }
        awaitConsumed("comment-events");
        await().atMost(WAIT).until(() -> relay.pendingEvents() == 0);
        assertThat(stats(articleId)).containsEntry("comments", 1);
        assertThat(versions(statsEventsOf(articleId))).isEqualTo(versions(published));
    }

    @Test
    void reportsBreakDownWhatWasReadAndHideNothingFromStaff() throws Exception {
        String articleId = new org.bson.types.ObjectId().toHexString();
        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", articleId, PUBLISHED,
                example("article-published.v1.schema.json").put("articleId", articleId)
                        .put("title", "گزارش, با \"ویرگول\"").toString());
        await().atMost(WAIT).until(() -> get("/api/analytics/articles/" + articleId).statusCode() == 200);
        Instant now = Instant.now();
        // visitor a: two pages 5 minutes apart (one visit, no bounce) from a newsletter on a phone;
        // visitor b: one page from Google on a desktop (a bounce); a robot the gateway marked.
        sendView(articleId, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", now.minusSeconds(600), v -> v.put("utmSource", "Newsletter")
                .put("utmCampaign", "Yalda").put("screenWidth", 390).put("browser", "Firefox").put("os", "Android"));
        sendView(articleId, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", now.minusSeconds(300), v -> v.put("screenWidth", 390)
                .put("browser", "Firefox").put("os", "Android").put("referrer", "https://sarkhat.example/"));
        sendView(articleId, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", now.minusSeconds(200), v -> v.put("screenWidth", 1920)
                .put("browser", "Chrome").put("os", "Windows").put("referrer", "https://www.google.com/search?q=x"));
        sendView(articleId, "cccccccccccccccccccccccccccccccc", now.minusSeconds(100), v -> v.put("excluded", "robot"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(stats(articleId)).containsEntry("views", 3)
                .containsEntry("uniqueVisitors", 2));

        JsonNode series = read(get("/api/analytics/timeseries?period=24h&articleId=" + articleId, EDITOR).body());
        long seriesViews = 0;
        for (JsonNode point : series.get("points")) {
            seriesViews += point.get("pageviews").asLong();
        }
        assertThat(series.get("points")).hasSize(24);
        assertThat(seriesViews).isEqualTo(3);

        JsonNode sources = read(get("/api/analytics/breakdown?dimension=source&period=24h&articleId=" + articleId,
                EDITOR).body());
        assertThat(sources.get("rows").toString()).contains("{\"value\":\"newsletter\",\"pageviews\":1,\"visitors\":1}")
                .contains("{\"value\":\"google.com\",\"pageviews\":1,\"visitors\":1}")
                .contains("{\"value\":\"Direct / None\",\"pageviews\":1,\"visitors\":1}");
        JsonNode devices = read(get("/api/analytics/breakdown?dimension=device&period=7d&articleId=" + articleId,
                EDITOR).body());
        assertThat(devices.get("rows").get(0).get("value").asString()).isEqualTo("Mobile");
        assertThat(devices.get("rows").get(0).get("pageviews").asLong()).isEqualTo(2);

        String query = """
                {"metrics":["visitors","visits","pageviews","bounce_rate","visit_duration"],"date_range":"24h",
                 "filters":[["is","event:article",["%s"]]]}""".formatted(articleId);
        JsonNode result = read(post("/api/analytics/query", query, EDITOR).body());
        assertThat(result.get("results").get(0).get("metrics").toString()).isEqualTo("[2,2,3,50,150]");
        String entries = """
                {"metrics":["visits"],"date_range":"7d","dimensions":["visit:entry_page"],
                 "filters":[["is","event:article",["%s"]]],"pagination":{"limit":5}}""".formatted(articleId);
        assertThat(read(post("/api/analytics/query", entries, EDITOR).body()).get("results").get(0).toString())
                .isEqualTo("{\"dimensions\":[\"" + articleId + "\"],\"metrics\":[2]}");
        HttpResponse<String> badQuery = post("/api/analytics/query", "{\"metrics\":[\"bounces\"]}", EDITOR);
        assertThat(badQuery.statusCode()).isEqualTo(400);
        assertThat(badQuery.body()).contains("pageviews, visitors, visits, bounce_rate");
        assertThat(post("/api/analytics/query", "{\"metrics\":[\"visitors\"],\"date_range\":[\"2020-13-01\",1]}",
                EDITOR).statusCode()).isEqualTo(400);
        assertThat(post("/api/analytics/query", "not json", EDITOR).statusCode()).isEqualTo(400);

        JsonNode realtime = read(get("/api/analytics/realtime", EDITOR).body());
        assertThat(realtime.get("visitors").asLong()).as("b read 200 s ago; a last read 5 min ago").isPositive();
        assertThat(realtime.get("articles").toString()).contains(articleId);

        JsonNode dropped = read(get("/api/analytics/dropped?period=7d", EDITOR).body());
        assertThat(dropped.get("reasons").get("robot").asLong()).isPositive();

        HttpResponse<String> csv = get("/api/analytics/export.csv?period=7d", EDITOR);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains("date,article_id,slug,title,pageviews,visitors")
                .contains(articleId + "," + example("article-published.v1.schema.json").get("slug").asString()
                        + ",\"گزارش, با \"\"ویرگول\"\"\",3,2");
    }

    @Test
    void aBeaconCountsOnceWithTheGatewaysViewOfTheSamePageAndOnlyWhenTheGatewayStampedIt() throws Exception {
        String articleId = new org.bson.types.ObjectId().toHexString();
        String slug = "بیکن-" + UUID.randomUUID();
        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", articleId, PUBLISHED,
                example("article-published.v1.schema.json").put("articleId", articleId).put("slug", slug).toString());
        await().atMost(WAIT).untilAsserted(() -> assertThat(stats(articleId)).containsEntry("views", 0));
        String url = "https://sarkhat.example/articles/" + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20") + "?utm_source=Telegram&utm_campaign=yalda";
        String visitor = "dddddddddddddddddddddddddddddddd";

        // The gateway's own record of the view, then the page's beacon with the same id from Server-Timing.
        String pageviewId = UUID.randomUUID().toString();
        sendPageView(articleId, pageviewId, visitor);
        String beacon = """
                {"type":"pageview","pageviewId":"%s","url":"%s","referrer":"https://t.me/","screenWidth":390}"""
                .formatted(pageviewId, url);
        assertThat(postBeacon(beacon, stamp(visitor, "Firefox|Android|Mobile|")).statusCode()).isEqualTo(202);
        // A second view known only from its beacon, then its visible time.
        String second = UUID.randomUUID().toString();
        assertThat(postBeacon(beacon.replace(pageviewId, second), stamp(visitor, "Firefox|Android|Mobile|")).statusCode())
                .isEqualTo(202);
        assertThat(postBeacon("""
                {"type":"engagement","pageviewId":"%s","url":"%s","engagedMs":42000}""".formatted(second, url),
                stamp(visitor, "Firefox|Android|Mobile|")).statusCode()).isEqualTo(202);
        // 202 means the event was handed to the producer: it reaches the topic without anyone waiting for it.
        ConsumerRecord<String, String> fromBeacon = KafkaProbe.awaitRecord(bootstrap(), "page-views",
                r -> second.equals(KafkaProbe.header(r, "ce_id")), WAIT);
        assertThat(KafkaProbe.header(fromBeacon, "ce_type")).isEqualTo(PAGE_VIEWED);
        assertThat(read(fromBeacon.value()).get("origin").asString()).isEqualTo("beacon");
        await().atMost(WAIT).untilAsserted(() -> assertThat(stats(articleId)).containsEntry("views", 2)
                .containsEntry("uniqueVisitors", 1));
        String engaged = """
                {"metrics":["engaged_time"],"date_range":"24h","filters":[["is","event:article",["%s"]]]}"""
                .formatted(articleId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(read(post("/api/analytics/query", engaged, EDITOR).body())
                .get("results").get(0).get("metrics").get(0).asLong()).isEqualTo(42));
        JsonNode campaigns = read(get("/api/analytics/breakdown?dimension=campaign&period=24h&articleId=" + articleId,
                EDITOR).body());
        assertThat(campaigns.get("rows").toString()).contains("\"value\":\"yalda\",\"pageviews\":1");

        // Not through the gateway, a forged or stale stamp, a staff beacon: nothing more is counted.
        assertThat(postBeacon(beacon, Map.of()).statusCode()).isEqualTo(403);
        Map<String, String> forged = new java.util.HashMap<>(stamp(visitor, "Firefox|Android|Mobile|"));
        forged.put("X-Sarkhat-Visitor", "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
        HttpResponse<String> refused = postBeacon(beacon.replace(pageviewId, UUID.randomUUID().toString()), forged);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(postBeacon(beacon.replace(pageviewId, UUID.randomUUID().toString()),
                stamp(visitor, "Firefox|Android|Mobile|staff")).statusCode()).isEqualTo(202);
        // Garbage is accepted and ignored, or refused with a 4xx; never a 5xx.
        for (String garbage : List.of(
                "{\"type\":\"pageview\",\"url\":\"not a url\"}",
                "{\"type\":\"pageview\",\"url\":\"https://sarkhat.example/articles/no-such-slug\"}",
                "{\"type\":\"pageview\",\"url\":\"javascript:alert(1)\"}",
                "{\"type\":\"pageview\",\"pageviewId\":\"../../x\",\"url\":\"" + url + "\",\"referrer\":\"https://x.example/"
                        + "r".repeat(20_000) + "\",\"screenWidth\":-3}",
                "{\"type\":\"engagement\",\"url\":\"" + url + "\",\"engagedMs\":\"long\"}",
                "{\"type\":42}", "[]", "{")) {
            int status = postBeacon(garbage, stamp(visitor, "|||")).statusCode();
            assertThat(status).as(garbage.length() > 80 ? garbage.substring(0, 80) : garbage).isBetween(200, 499);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(read(get("/api/analytics/dropped?period=24h", EDITOR).body())
                .get("reasons").get("staff").asLong()).isPositive());
        awaitConsumed("page-views");
        // The forged-id beacon above (a non-UUID id) counted as one more view of the stamped visitor, no more.
        assertThat(stats(articleId)).containsEntry("views", 3).containsEntry("uniqueVisitors", 1);

        HttpResponse<String> script = get("/analytics/beacon.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("serverTiming").contains("/api/analytics/events");
    }

    private Map<String, String> stamp(String visitor, String client) throws Exception {
        return ir.sarkhat.analytics.beacon.BeaconStamps.stamp(BEACON_SECRET, visitor, client);
    }

    private HttpResponse<String> postBeacon(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/analytics/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPoisonPageViewIsDeadLetteredAndLaterViewsStillCount() throws Exception {
        String articleId = new org.bson.types.ObjectId().toHexString(); // real article ids look like ObjectIds: they must match as strings
        ProducerRecord<String, String> poison = new ProducerRecord<>("page-views", articleId, "{not json");
        String poisonId = UUID.randomUUID().toString();
        poison.headers().add("ce_id", poisonId.getBytes()).add("ce_type", PAGE_VIEWED.getBytes());
        KafkaProbe.send(bootstrap(), poison);
        String unknownTypeId = KafkaProbe.sendCloudEvent(bootstrap(), "page-views", articleId,
                "sarkhat.page.scrolled.v9", "no data we could read");
        sendPageView(articleId, UUID.randomUUID().toString(), "cccccccccccccccccccccccccccccccc");

        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecord(bootstrap(), "page-views-dlt",
                r -> poisonId.equals(KafkaProbe.header(r, "ce_id")), WAIT);
        assertThat(dead.value()).isEqualTo("{not json");
        assertThat(KafkaProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo("page-views");
        await().atMost(WAIT).untilAsserted(() -> assertThat(stats(articleId))
                .containsEntry("views", 1).containsEntry("uniqueVisitors", 1));
        // An event type this service does not read is skipped, not dead-lettered.
        assertThat(KafkaProbe.readAll(bootstrap(), "page-views-dlt", Duration.ofSeconds(2)))
                .noneMatch(r -> unknownTypeId.equals(KafkaProbe.header(r, "ce_id")));
    }

    @Test
    void badQueriesGetProblemsNotErrors() throws Exception {
        HttpResponse<String> badPeriod = get("/api/analytics/top?period=1y", EDITOR);
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(badPeriod.body()).get("detail").asString()).contains("24h, 7d, 30d");

        HttpResponse<String> badLimit = get("/api/analytics/top?period=7d&limit=1001", EDITOR);
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> unknown = get("/api/analytics/articles/no-such-article");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).doesNotContain("Exception");
    }

    @Test
    void onlyReadingIsOpen() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(uri("/api/analytics/top"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(write.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/actuator/env").statusCode()).isEqualTo(401);
    }

    private void assertIsAStatsCloudEvent(ConsumerRecord<String, String> record, String articleId) {
        assertThat(record.key()).isEqualTo(articleId);
        assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(record, "ce_id")).matches("[0-9a-f-]{36}");
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/sarkhat/analytics-service");
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("sarkhat.article.stats-updated.v1");
        assertThat(Instant.parse(KafkaProbe.header(record, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(articleId);
        assertThat(KafkaProbe.header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();
        EventContracts.assertValid(STATS_SCHEMA, record.value());
        JsonNode data = read(record.value());
        assertThat(data.get("articleId").asString()).isEqualTo(articleId);
        assertThat(data.get("uniqueVisitors").asLong()).isEqualTo(2);
        assertThat(data.get("version").asLong()).isPositive();
    }

    private List<ConsumerRecord<String, String>> statsEventsOf(String articleId) {
        return KafkaProbe.readAll(bootstrap(), "article-stats", Duration.ofSeconds(3)).stream()
                .filter(r -> articleId.equals(r.key()))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .toList();
    }

    private List<Long> versions(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> read(r.value()).get("version").asLong()).toList();
    }

    /** {type, data, ce_id}: the data is valid against the producer's schema. */
    private static String[] event(String type, ObjectNode data) {
        String schema = type.replace("sarkhat.", "").replace(".v1", "").replace('.', '-') + ".v1.schema.json";
        EventContracts.assertValid(schema, data.toString());
        return new String[] { type, data.toString(), UUID.randomUUID().toString() };
    }

    private ObjectNode comment(String schema, String articleId, String commentId) {
        return example(schema).put("articleId", articleId).put("commentId", commentId);
    }

    private void sendView(String articleId, String visitorKey, Instant at, java.util.function.Consumer<ObjectNode> extra) {
        String pageviewId = UUID.randomUUID().toString();
        ObjectNode view = example("page-viewed.v1.schema.json")
                .put("pageviewId", pageviewId).put("articleId", articleId).put("visitorKey", visitorKey)
                .put("viewedAt", at.toString());
        view.remove("referrer");
        extra.accept(view);
        EventContracts.assertValid("page-viewed.v1.schema.json", view.toString());
        KafkaProbe.sendCloudEvent(bootstrap(), "page-views", articleId, PAGE_VIEWED, view.toString(), pageviewId);
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void sendPageView(String articleId, String pageviewId, String visitorKey) {
        ObjectNode view = example("page-viewed.v1.schema.json")
                .put("pageviewId", pageviewId)
                .put("articleId", articleId)
                .put("visitorKey", visitorKey)
                .put("viewedAt", Instant.now().minusSeconds(60).toString());
        EventContracts.assertValid("page-viewed.v1.schema.json", view.toString());
        KafkaProbe.sendCloudEvent(bootstrap(), "page-views", articleId, PAGE_VIEWED, view.toString(), pageviewId);
    }

    /** Waits until the service's consumer group has committed every record on the topic. */
    private void awaitConsumed(String topic) throws Exception {
        ConsumedOffsets.await(bootstrap(), topic, WAIT);
    }

    private Map<String, Object> stats(String articleId) throws Exception {
        HttpResponse<String> response = get("/api/analytics/articles/" + articleId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }

    @Test
    void theServiceChecksTokensItselfOnItsOwnPort() {
        // Nothing but public reads is open here: a write with any token kind is refused, by this service itself.
        TokenChecks.assertOnlyValidTokensWithTheRolePass(authorization -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/analytics/articles/token-check"))
                    .DELETE();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "EDITOR");
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private ObjectNode example(String schema) {
        return (ObjectNode) read(EventContracts.examples(schema).get(0));
    }

    private JsonNode read(String text) {
        return json.readTree(text);
    }

    String bootstrap() {
        return String.join(",", kafka.getBootstrapServers());
    }
}
