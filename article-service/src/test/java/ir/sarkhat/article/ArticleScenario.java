package ir.sarkhat.article;

import static ir.sarkhat.article.Http.json;
import static ir.sarkhat.article.Http.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ir.sarkhat.article.text.PersianDates;
import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import ir.sarkhat.kit.test.TokenChecks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service as editors, readers and the other services see it, over HTTP and Kafka. Runs on
 * embedded infrastructure ({@link EmbeddedArticleIT}) and on real MongoDB and Kafka where Docker
 * exists ({@link ContainersArticleIT}).
 */
@SpringBootTest(classes = ArticleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sarkhat.kafka.retry.initial-interval-ms=50", "sarkhat.kafka.retry.max-interval-ms=200" })
abstract class ArticleScenario {

    static final String PUBLISHED_SCHEMA = "article-published.v1.schema.json";
    static final String STATS_SCHEMA = "article-stats-updated.v1.schema.json";
    static final String STATS_TYPE = "sarkhat.article.stats-updated.v1";
    static final List<String> JALALI_MONTHS = List.of("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
            "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند");

    static final String EDITOR = TestTokens.bearer("editor-1", "EDITOR");

    @DynamicPropertySource
    static void staffTokens(DynamicPropertyRegistry registry) {
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;

    abstract String bootstrapServers();

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void client() {
        http = new Http(port);
        // The page cache's listener starts at the latest offset; events sent before it listens would not evict.
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("page-cache-invalidation"), 9); // 3 topics × 3 partitions
    }

    @Test
    void publishingEmitsExactlyOneArticlePublishedCloudEvent() {
        // Typed on an Arabic keyboard (ي), with a ZWNJ, and with a field the API does not know.
        HttpResponse<String> created = http.post("/api/articles", """
                {"title": "پنجره واحد دولت هوشمند راه\u200cاندازي شد",
                 "body": "سامانه **پنجره واحد** راه‌اندازی شد.",
                 "tags": ["دولت هوشمند", "فناوری"], "source": "ایسنا", "status": "PUBLISHED"}
                """, EDITOR);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode draft = json(created);
        String id = draft.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/articles/id/" + id));
        assertThat(draft.get("title").asString()).isEqualTo("پنجره واحد دولت هوشمند راه\u200cاندازی شد");
        assertThat(draft.get("slug").asString()).startsWith("پنجره-واحد-دولت-هوشمند-راه-اندازی-شد");
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("author").asString()).isEqualTo("editor-1");
        assertThat(draft.get("publishedAt").isNull()).isTrue();
        assertThat(draft.get("bodyHtml").asString()).contains("<strong>پنجره واحد</strong>");
        assertThat(draft.get("body").asString()).isEqualTo("سامانه **پنجره واحد** راه‌اندازی شد.");
        assertThat(draft.get("readingTimeMinutes").asInt()).isEqualTo(1);
        assertThat(draft.get("viewCount").asLong()).isZero();
        assertThat(draft.get("commentCount").asLong()).isZero();
        assertThat(draft.get("createdAt").asString()).endsWith("Z");

        HttpResponse<String> published = http.post("/api/articles/" + id + "/publish", null, EDITOR);
        assertThat(published.statusCode()).isEqualTo(200);
        JsonNode article = json(published);
        assertThat(article.get("status").asString()).isEqualTo("PUBLISHED");
        String publishedAt = article.get("publishedAt").asString();
        assertThat(Instant.parse(publishedAt)).isAfterOrEqualTo(Instant.parse(draft.get("createdAt").asString()));

        ConsumerRecord<String, String> event = KafkaProbe.awaitRecord(bootstrapServers(), "article-events",
                r -> id.equals(r.key()), Duration.ofSeconds(30));
        assertThat(KafkaProbe.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(KafkaProbe.header(event, "ce_id"))).isNotNull();
        assertThat(KafkaProbe.header(event, "ce_source")).isEqualTo("/sarkhat/article-service");
        assertThat(KafkaProbe.header(event, "ce_type")).isEqualTo("sarkhat.article.published.v1");
        assertThat(Instant.parse(KafkaProbe.header(event, "ce_time"))).isNotNull();
        assertThat(KafkaProbe.header(event, "ce_subject")).isEqualTo(id);
        assertThat(KafkaProbe.header(event, "content-type")).isEqualTo("application/json");
        assertThat(event.headers().lastHeader("__TypeId__")).isNull();
        EventContracts.assertValid(PUBLISHED_SCHEMA, event.value());
        JsonNode data = Http.JSON.readTree(event.value());
        assertThat(data.get("articleId").asString()).isEqualTo(id);
        assertThat(data.get("slug").asString()).isEqualTo(article.get("slug").asString());
        assertThat(data.get("publishedAt").asString()).isEqualTo(publishedAt);
        assertThat(data.get("source").asString()).isEqualTo("ایسنا");

        HttpResponse<String> again = http.post("/api/articles/" + id + "/publish", null, EDITOR);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("publishedAt").asString()).isEqualTo(publishedAt);
        List<ConsumerRecord<String, String>> all = KafkaProbe.readAll(bootstrapServers(), "article-events",
                Duration.ofSeconds(3));
        assertThat(all).filteredOn(r -> id.equals(r.key())).hasSize(1);
    }

    @Test
    void draftsAndUnknownArticlesAreNotFound() {
        JsonNode draft = create("پیش‌نویس محرمانه", "متن محرمانه پیش‌نویس");
        String slug = draft.get("slug").asString();

        HttpResponse<String> api = http.get("/api/articles/" + segment(slug));
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.body()).doesNotContain("متن محرمانه");

        HttpResponse<String> page = http.get("/articles/" + segment(slug));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("dir=\"rtl\"").contains("پیدا نشد").doesNotContain("متن محرمانه");
        assertThat(page.headers().firstValue("X-Sarkhat-Article-Id")).isEmpty();

        assertThat(http.get("/articles/" + segment("هرگز-نبوده")).statusCode()).isEqualTo(404);

        HttpResponse<String> staffRead = http.get("/api/articles/id/" + draft.get("id").asString(), EDITOR);
        assertThat(staffRead.statusCode()).isEqualTo(200);
        assertThat(json(staffRead).get("status").asString()).isEqualTo("DRAFT");
        assertThat(http.get("/api/articles/id/" + draft.get("id").asString()).statusCode()).isEqualTo(401);

        HttpResponse<String> unknown = http.post("/api/articles/6650f1c2a1b2c3d4e5f60718/publish", null, EDITOR);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.post("/api/articles/not-an-id/publish", null, EDITOR).statusCode()).isEqualTo(404);
    }

    @Test
    void aTitleUsedBeforeGetsTheNextNumberedSlug() {
        String title = "نشست خبری " + UUID.randomUUID().toString().substring(0, 8);
        String first = create(title, "متن").get("slug").asString();
        String second = create(title, "متن").get("slug").asString();
        String third = create(title, "متن").get("slug").asString();

        assertThat(first).startsWith("نشست-خبری-");
        assertThat(second).isEqualTo(first + "-2");
        assertThat(third).isEqualTo(first + "-3");
    }

    @Test
    void theListingShowsPublishedArticlesNewestFirstPageByPage() {
        String first = publish(create("خبر اول فهرست", "متن خبر اول")).get("id").asString();
        create("پیش‌نویس فهرست", "نباید در فهرست باشد");
        String second = publish(create("خبر دوم فهرست", "متن خبر دوم")).get("id").asString();
        String third = publish(create("خبر سوم فهرست", "متن خبر سوم")).get("id").asString();

        JsonNode page1 = json(http.get("/api/articles?limit=2"));
        assertThat(ids(page1)).containsExactly(third, second);
        assertThat(page1.get("items").get(0).get("excerpt").asString()).isEqualTo("متن خبر سوم");
        assertThat(page1.get("items").get(0).has("body")).isFalse();
        String cursor = page1.get("nextCursor").asString();
        assertThat(cursor).matches("[A-Za-z0-9_-]+");

        JsonNode page2 = json(http.get("/api/articles?limit=2&cursor=" + cursor));
        assertThat(ids(page2).get(0)).isEqualTo(first);
        page2.get("items").forEach(item -> assertThat(item.get("publishedAt").isNull()).isFalse());

        HttpResponse<String> all = http.get("/api/articles?limit=100");
        assertThat(all.body()).doesNotContain("نباید در فهرست باشد");

        for (String bad : List.of("limit=0", "limit=101", "limit=abc", "cursor=bm90LWEtY3Vyc29y")) {
            HttpResponse<String> refused = http.get("/api/articles?" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void theReaderPageIsPersianRightToLeftAndSafe() {
        JsonNode article = publish(create("خبر با متن خطرناک", """
                بند اول خبر.

                <script>alert(1)</script>

                [پیوند بد](javascript:alert(1)) و <a href="https://isna.ir" onclick="alert(2)">ایسنا</a>
                """));
        String id = article.get("id").asString();
        Instant publishedAt = Instant.parse(article.get("publishedAt").asString());

        HttpResponse<String> page = http.get("/articles/" + segment(article.get("slug").asString()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("X-Sarkhat-Article-Id")).hasValue(id);
        String html = page.body();
        assertThat(html).contains("<html lang=\"fa\" dir=\"rtl\">").contains("<meta charset=\"utf-8\">")
                .contains("<title>خبر با متن خطرناک")
                .contains("<time datetime=\"" + publishedAt + "\">" + PersianDates.jalali(publishedAt) + "</time>")
                .contains("۰ بازدید").contains("زمان مطالعه: ۱ دقیقه").contains("منبع: ایسنا")
                .contains("<section id=\"comments\" data-article-id=\"" + id + "\">")
                .contains("بند اول خبر.").contains("https://isna.ir");
        assertThat(JALALI_MONTHS).anyMatch(html::contains);
        // The only scripts are the JSON-LD data block, the comment widget (served by comment-service) and the
        // analytics beacon (served by analytics-service); nothing from the body may add another.
        String widget = "<script src=\"/comments/widget.js\" defer></script>";
        String beacon = "<script src=\"/analytics/beacon.js\" defer></script>";
        assertThat(html).contains(widget).contains(beacon);
        String withoutJsonLd = html.replaceFirst("(?s)<script type=\"application/ld\\+json\">[^<]*</script>", "");
        assertThat(withoutJsonLd).isNotEqualTo(html);
        assertThat(withoutJsonLd.replace(widget, "").replace(beacon, "").toLowerCase()).doesNotContain("<script").doesNotContain("alert(")
                .doesNotContain("javascript:").doesNotContain("onclick");

        HttpResponse<String> home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"fa\" dir=\"rtl\">").contains("خبر با متن خطرناک")
                .contains("href=\"/articles/" + segment(article.get("slug").asString()) + "\"");
    }

    @Test
    void readershipFromAnalyticsIsShownAndOnlyNewerTotalsApply() {
        JsonNode article = publish(create("خبر پربازدید", "متن خبر پربازدید"));
        String id = article.get("id").asString();
        String slug = article.get("slug").asString();
        Object versionBefore = rawArticle(id).get("version");
        String example = withArticleId(EventContracts.examples(STATS_SCHEMA).get(0), id);

        sendToPartitionZero(id, STATS_TYPE, example);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode shown = json(http.get("/api/articles/" + segment(slug)));
            assertThat(shown.get("viewCount").asLong()).isEqualTo(39);
            assertThat(shown.get("commentCount").asLong()).isEqualTo(2);
        });
        assertThat(http.get("/articles/" + segment(slug)).body()).contains("۳۹ بازدید");
        assertThat(rawArticle(id).get("version")).as("stats never touch the article's @Version").isEqualTo(versionBefore);

        // Redelivered, older, and of an unknown type: none may change the totals. All go to one
        // partition, followed by a marker for another article, so once the marker shows they were all consumed.
        sendToPartitionZero(id, STATS_TYPE, example);
        ObjectNode older = (ObjectNode) Http.JSON.readTree(example);
        older.put("views", 5).put("comments", 0).put("version", 40);
        sendToPartitionZero(id, STATS_TYPE, older.toString());
        sendToPartitionZero(id, "sarkhat.article.something-else.v1", "{\"articleId\":\"" + id + "\",\"views\":1}");
        JsonNode marker = publish(create("خبر نشانگر", "متن نشانگر"));
        ObjectNode markerStats = (ObjectNode) Http.JSON.readTree(withArticleId(example, marker.get("id").asString()));
        markerStats.put("views", 7).put("version", 1);
        sendToPartitionZero(marker.get("id").asString(), STATS_TYPE, markerStats.toString());

        await().atMost(Duration.ofSeconds(30)).until(() ->
                json(http.get("/api/articles/" + segment(marker.get("slug").asString()))).get("viewCount").asLong() == 7);
        JsonNode shown = json(http.get("/api/articles/" + segment(slug)));
        assertThat(shown.get("viewCount").asLong()).isEqualTo(39);
        assertThat(shown.get("commentCount").asLong()).isEqualTo(2);
        JsonNode listed = json(http.get("/api/articles?limit=100"));
        listed.get("items").forEach(item -> {
            if (id.equals(item.get("id").asString())) {
                assertThat(item.get("viewCount").asLong()).isEqualTo(39);
            }
        });
    }

    @Test
    void anUnreadableStatsEventGoesToTheDeadLetterTopic() {
        String poison = "not json " + UUID.randomUUID();
        ProducerRecord<String, String> record = new ProducerRecord<>("article-stats", 1, "some-article", poison);
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_type", STATS_TYPE.getBytes(StandardCharsets.UTF_8));
        KafkaProbe.send(bootstrapServers(), record);

        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecord(bootstrapServers(), "article-stats-dlt",
                r -> poison.equals(r.value()), Duration.ofSeconds(30));
        assertThat(dead.partition()).isEqualTo(1);
        assertThat(KafkaProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo("article-stats");
    }

    @Test
    void onlyEditorsWriteAndRefusedRequestsStoreNothing() {
        String body = "{\"title\":\"خبر بی‌اجازه\",\"body\":\"متن\"}";
        long before = mongo.getCollection("articles").countDocuments();

        HttpResponse<String> anonymous = http.post("/api/articles", body, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        HttpResponse<String> moderator = http.post("/api/articles", body, TestTokens.bearer("m", "MODERATOR"));
        assertThat(moderator.statusCode()).isEqualTo(403);
        assertThat(moderator.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        for (String token : List.of(TestTokens.expired("e", "EDITOR"), TestTokens.signedByAnotherKey("e", "EDITOR"),
                TestTokens.withIssuerAndAudience("sarkhat", "elsewhere", "e", "EDITOR"))) {
            HttpResponse<String> refused = http.post("/api/articles", body, token);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        TokenChecks.assertOnlyValidTokensWithTheRolePass(
                token -> http.post("/api/articles", body, token).statusCode(), "MODERATOR");
        TokenChecks.assertOnlyValidTokensWithTheRolePass(
                token -> http.send("DELETE", "/api/articles/some-id", null, token).statusCode(), "MODERATOR");
        assertThat(mongo.getCollection("articles").countDocuments()).isEqualTo(before);

        assertThat(http.post("/api/articles", body, TestTokens.bearer("a", "ADMIN")).statusCode()).isEqualTo(201);
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/env").statusCode()).isIn(401, 403, 404);
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        long before = mongo.getCollection("articles").countDocuments();

        HttpResponse<String> malformed = http.post("/api/articles", "{\"title\": ", EDITOR);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> longTitle = http.post("/api/articles",
                "{\"title\":\"" + "خ".repeat(256) + "\",\"body\":\"متن\"}", EDITOR);
        assertThat(longTitle.statusCode()).isEqualTo(400);
        assertThat(json(longTitle).get("detail").asString()).contains("title");

        HttpResponse<String> tagsNumber = http.post("/api/articles", "{\"title\":\"خبر\",\"body\":\"متن\",\"tags\":5}", EDITOR);
        assertThat(tagsNumber.statusCode()).isEqualTo(400);
        assertThat(json(tagsNumber).get("detail").asString()).contains("tags");

        HttpResponse<String> tooManyTags = http.post("/api/articles", "{\"title\":\"خبر\",\"body\":\"متن\",\"tags\":"
                + Http.JSON.writeValueAsString(java.util.stream.IntStream.range(0, 21).mapToObj(i -> "برچسب" + i).toList())
                + "}", EDITOR);
        assertThat(tooManyTags.statusCode()).isEqualTo(400);
        assertThat(json(tooManyTags).get("detail").asString()).contains("tags");

        HttpResponse<String> noBody = http.post("/api/articles", "{\"title\":\"خبر\"}", EDITOR);
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(json(noBody).get("detail").asString()).contains("body");

        HttpResponse<String> oversized = http.post("/api/articles",
                "{\"title\":\"خبر\",\"body\":\"" + "a".repeat(3 * 1024 * 1024 + 1) + "\"}", EDITOR);
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(mongo.getCollection("articles").countDocuments()).isEqualTo(before);
    }

    JsonNode create(String title, String body) {
        HttpResponse<String> response = http.post("/api/articles", Http.JSON.writeValueAsString(
                Map.of("title", title, "body", body, "tags", List.of("آزمون"), "source", "ایسنا")), EDITOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    JsonNode publish(JsonNode draft) {
        HttpResponse<String> response = http.post("/api/articles/" + draft.get("id").asString() + "/publish", null, EDITOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    Document rawArticle(String id) {
        return mongo.getCollection("articles").find(new Document("_id", new org.bson.types.ObjectId(id))).first();
    }

    static String withArticleId(String example, String articleId) {
        ObjectNode node = (ObjectNode) Http.JSON.readTree(example);
        node.put("articleId", articleId);
        return node.toString();
    }

    /** A CloudEvent as analytics-service sends it, on a fixed partition so the test knows the order of consumption. */
    void sendToPartitionZero(String key, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>("article-stats", 0, key, json);
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/sarkhat/analytics-service",
                "ce_type", type, "ce_time", Instant.now().toString(), "ce_subject", key,
                "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        KafkaProbe.send(bootstrapServers(), record);
    }
}
