package ir.sarkhat.article.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ir.sarkhat.article.ArticleServiceApplication;
import ir.sarkhat.article.text.PersianDates;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Search as readers use it: articles published through the API are found by the words a Persian
 * reader types, however they type them, ranked, paged; unpublished and draft articles are not.
 * The index follows the service's own article events (embedded KRaft broker + mongo-java-server).
 */
@SpringBootTest(classes = ArticleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sarkhat.kafka.retry.initial-interval-ms=50", "sarkhat.kafka.retry.max-interval-ms=200",
                "sarkhat.search.page-size=2", "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}" })
@EmbeddedKafka(partitions = 3)
class SearchIT {

    static final String EDITOR = TestTokens.bearer("editor-search", "EDITOR");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration INDEXED = Duration.ofSeconds(30);
    static final String DATABASE = "sarkhat-articles-search";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // A database of its own: other test classes share the in-memory server and would add results.
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri(DATABASE));
        registry.add("spring.mongodb.database", () -> DATABASE);
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SearchIndexing indexing;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theFixtureArticleIsFoundHoweverTheReaderTypesTheWords() {
        // A shorter article sharing some words (خدمات, دولت, پروژه‌های) but none of the rarer ones.
        String other = publish("خدمات تازه استانداری",
                "استانداری خدمات تازه‌ای به مردم ارائه داد. دولت استان پروژه‌های عمرانی را پیگیری می‌کند.");
        String fixture = read("/smart-government-window-article.txt");
        int firstLineEnd = fixture.indexOf('\n');
        String id = publish(fixture.substring(0, firstLineEnd).strip(), fixture.substring(firstLineEnd + 1).strip());
        awaitFound("بین\u200Cالمللی", id);

        // query → must find the fixture; the article's text has بینالمللی (its ZWNJs were lost), Persian
        // ۲۰۲۳, Latin 1402, Persian ی/ک, «پروژه های» with a space and «پروژههای» run together.
        awaitFound("استانداری", other);
        List<String> queries = List.of(
                "بین\u200Cالمللی", "بینالمللی", "الكترونيك", "يكي از پروژه", "دولت هوشمند",
                "۲۰۲۳", "٢٠٢٣", "2023", "۱۴۰۲", "١٤٠٢", "1402", "پروژه\u200Cهای برتر", "wsis");
        Map<String, String> report = new LinkedHashMap<>();
        for (String query : queries) {
            JsonNode result = search(query);
            report.put(query.replace("\u200C", "<ZWNJ>"), result.get("total").asLong() + " hit(s), fixture "
                    + (ids(result).contains(id) ? "at rank " + (ids(result).indexOf(id) + 1) : "NOT found"));
            assertThat(ids(result)).as("query %s", query).containsExactly(id);
        }
        // Both have خدمات in the title; BM25's length normalisation lets the short one compete with the
        // long fixture that repeats it, so only membership is asserted here (order is in the report).
        JsonNode services = search("خدمات");
        report.put("خدمات", services.get("total").asLong() + " hit(s), order " + ids(services).stream()
                .map(hit -> hit.equals(id) ? "fixture" : "other").toList());
        assertThat(ids(services)).containsExactlyInAnyOrder(id, other);
        System.out.println("Fixture search results: " + report);

        // The reverse: text stored WITH the ZWNJ is found by the query typed without it.
        String withZwnj = publish("همایش زیست\u200Cفناوری دریایی",
                "نمایشگاه بین\u200Cالمللی زیست\u200Cفناوری دریایی در کیش برگزار شد.");
        awaitFound("زیستفناوری", withZwnj);
        assertThat(ids(search("بینالمللی"))).containsExactlyInAnyOrder(id, withZwnj);
        assertThat(ids(search("زیست\u200Cفناوری"))).containsExactly(withZwnj);

        JsonNode hit = search("زیستفناوری").get("items").get(0);
        assertThat(hit.get("title").asString()).isEqualTo("همایش زیست\u200Cفناوری دریایی");
        assertThat(hit.get("slug").asString()).isNotBlank();
        assertThat(Instant.parse(hit.get("publishedAt").asString())).isNotNull();
        assertThat(hit.get("excerpt").asString()).contains("کیش");
        assertThat(hit.get("score").asDouble()).isPositive();
    }

    @Test
    void theArticleWithTheWordInItsTitleAndMostOftenComesFirstThenPagesFollow() {
        String title = publish("برداشت زعفران در خراسان",
                "برداشت زعفران آغاز شد. کشاورزان می‌گویند زعفران امسال بهتر است و قیمت زعفران پایدار می‌ماند.");
        String once = publish("بازار کشاورزی هفته", "در بازار از زعفران هم سخن رفت، اما بیشتر از پسته و خرما.");
        String twice = publish("صادرات محصولات کشاورزی", "صادرات زعفران و فروش داخلی زعفران افزایش یافت.");
        awaitFound("زعفران", title, once, twice);

        JsonNode first = get("/api/search?q=" + encode("زعفران") + "&size=2");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("query").asString()).isEqualTo("زعفران");
        assertThat(ids(first)).containsExactly(title, twice);
        assertThat(first.get("items").get(0).get("score").asDouble())
                .isGreaterThan(first.get("items").get(1).get("score").asDouble());
        JsonNode second = get("/api/search?q=" + encode("زعفران") + "&size=2&page=2");
        assertThat(ids(second)).containsExactly(once);
        assertThat(ids(get("/api/search?q=" + encode("زعفران") + "&size=2&page=3"))).isEmpty();

        // Equal texts: the newer one first.
        String older = publish("قطعی برق در شهرک صنعتی", "برق شهرک صنعتی دو ساعت قطع بود.");
        String newer = publish("قطعی برق در شهرک صنعتی", "برق شهرک صنعتی دو ساعت قطع بود.");
        awaitFound("شهرک صنعتی", older, newer);
        assertThat(ids(search("شهرک صنعتی"))).containsExactly(newer, older);

        // The page: Persian count, Jalali dates, links to the articles, paging links, noindex + canonical.
        HttpResponse<String> page = http("/search?q=" + encode("زعفران"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String html = page.body();
        JsonNode top = first.get("items").get(0);
        Instant publishedAt = Instant.parse(top.get("publishedAt").asString());
        assertThat(html).contains("<html lang=\"fa\" dir=\"rtl\">")
                .contains("۳ نتیجه برای «زعفران»")
                .contains("href=\"/articles/" + URLEncoder.encode(top.get("slug").asString(), StandardCharsets.UTF_8)
                        .replace("+", "%20") + "\"")
                .contains(">برداشت زعفران در خراسان</a>")
                .contains("<time datetime=\"" + publishedAt + "\">" + PersianDates.jalali(publishedAt) + "</time>")
                .contains("<meta name=\"robots\" content=\"noindex, follow\">")
                .contains("<link rel=\"canonical\" href=\"http://127.0.0.1:" + port + "/search?q=" + encode("زعفران") + "\">")
                .contains("href=\"/search?q=" + encode("زعفران") + "&amp;page=2\"")
                .contains("صفحهٔ ۱ از ۲")
                .contains("value=\"زعفران\"")
                .doesNotContain("صفحهٔ قبل");
        assertThat(html.indexOf("برداشت زعفران در خراسان")).isLessThan(html.indexOf("صادرات محصولات کشاورزی"));
        assertThat(html).doesNotContain("بازار کشاورزی هفته");

        String page2 = http("/search?q=" + encode("زعفران") + "&page=2").body();
        assertThat(page2).contains("بازار کشاورزی هفته").contains("صفحهٔ قبل").contains("صفحهٔ ۲ از ۲")
                .doesNotContain("صفحهٔ بعد");
    }

    @Test
    void nothingFoundIsAnEmptyResultAndSaysSoInPersian() {
        JsonNode none = search("کهکشان\u200Cنوردی");
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("items").isEmpty()).isTrue();
        assertThat(search("از").get("items").isEmpty()).as("only a stopword").isTrue();

        HttpResponse<String> page = http("/search?q=" + encode("کهکشان\u200Cنوردی"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("نتیجه‌ای پیدا نشد").contains("۰ نتیجه");

        HttpResponse<String> form = http("/search");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<form class=\"search\" action=\"/search\" method=\"get\"")
                .doesNotContain("noindex").doesNotContain("نتیجه‌ای پیدا نشد");
    }

    @Test
    void badQueriesAreProblemsThatSayWhatToChange() {
        for (String bad : List.of("", "?q=", "?q=%20%20", "?q=" + "a".repeat(201), "?q=x&page=0", "?q=x&size=51",
                "?q=x&size=0", "?q=x&page=abc")) {
            HttpResponse<String> refused = http("/api/search" + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).as(bad).hasValue("application/problem+json");
            assertThat(refused.body()).as(bad).doesNotContain("Exception");
        }
        assertThat(JSON.readTree(http("/api/search?q=").body()).get("detail").asString()).contains("q");
        assertThat(JSON.readTree(http("/api/search?q=" + "a".repeat(201)).body()).get("detail").asString())
                .contains("200");
        assertThat(http("/api/search?q=" + "a".repeat(200)).statusCode()).isEqualTo(200);

        HttpResponse<String> tooLong = http("/search?q=" + "ب".repeat(201));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("dir=\"rtl\"").contains("۲۰۰ نویسه");
    }

    @Test
    void anUnpublishedArticleLeavesTheResultsAndAnUpdatedOneIsFoundByItsNewWords() {
        String id = publish("آبشار شوی در تابستان", "آبشار شوی در لرستان پربازدید شد.");
        awaitFound("آبشار", id);
        String unpublished = withArticleId(EventContracts.examples("article-unpublished.v1.schema.json").get(0), id);

        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", id, "sarkhat.article.unpublished.v1", unpublished);
        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", id, "sarkhat.article.unpublished.v1", unpublished);
        await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(search("آبشار"))).doesNotContain(id));
        assertThat(mongo.getCollection(SearchIndex.COLLECTION).countDocuments(new Document("_id", id))).isZero();

        // Edited by the workflow (another part of the service): search follows ArticleUpdated.
        String edited = publish("خبر اولیه ماهیگیری", "فصل ماهیگیری آغاز شد.");
        awaitFound("ماهیگیری", edited);
        mongo.getCollection("articles").updateOne(new Document("_id", new ObjectId(edited)),
                new Document("$set", new Document("title", "ماهیگیری و کشتیرانی در خلیج فارس")
                        .append("bodyHtml", "<p>کشتیرانی در خلیج فارس از سر گرفته شد.</p>")
                        .append("updatedAt", new Date())));
        String updated = withArticleId(EventContracts.examples("article-updated.v1.schema.json").get(0), edited);
        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", edited, "sarkhat.article.updated.v1", updated);
        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", edited, "sarkhat.article.updated.v1", updated);
        awaitFound("کشتیرانی", edited);
        JsonNode found = search("کشتیرانی");
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("title").asString()).isEqualTo("ماهیگیری و کشتیرانی در خلیج فارس");
        assertThat(ids(search("فصل"))).as("old body words are gone").doesNotContain(edited);
    }

    @Test
    void aDraftIsNeverFoundEvenWhenAnEventOrTheBackfillPointsAtIt() {
        String draft = create("پیش\u200Cنویس نگارگری ایرانی", "متن محرمانه درباره نگارگری.");
        String marker = publish("نشانگر نگارگری", "خبر منتشرشده درباره نگارگری.");
        awaitFound("نگارگری", marker);

        // A stray ArticlePublished for the draft, then the marker's ArticleUnpublished, on one partition:
        // once the marker has gone, the draft's event has been handled too.
        String published = withArticleId(EventContracts.examples("article-published.v1.schema.json").get(0), draft);
        sendToPartitionZero(draft, "sarkhat.article.published.v1", published);
        sendToPartitionZero(marker, "sarkhat.article.unpublished.v1",
                withArticleId(EventContracts.examples("article-unpublished.v1.schema.json").get(0), marker));
        await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(search("نگارگری"))).doesNotContain(marker));
        indexing.backfill();

        assertThat(ids(search("نگارگری"))).doesNotContain(draft);
        assertThat(http("/search?q=" + encode("نگارگری")).body()).doesNotContain("محرمانه");
    }

    @Test
    void theBackfillIndexesPublishedArticlesThatNoEventReported() {
        ObjectId id = new ObjectId();
        Instant now = Instant.now();
        mongo.getCollection("articles").insertOne(new Document("_id", id)
                .append("title", "گزارش قدیمی سفالگری لالجین").append("slug", "گزارش-قدیمی-سفالگری-" + id)
                .append("body", "سفالگری لالجین در همدان.").append("bodyHtml", "<p>سفالگری لالجین در همدان.</p>")
                .append("excerpt", "سفالگری لالجین در همدان.").append("tags", List.of("صنایع دستی"))
                .append("status", "PUBLISHED").append("publishedAt", Date.from(now)).append("updatedAt", Date.from(now))
                .append("createdAt", Date.from(now)).append("author", "importer").append("source", null)
                .append("readingTimeMinutes", 1).append("version", 0L));
        assertThat(ids(search("لالجین"))).isEmpty();

        assertThat(indexing.backfill()).isPositive();

        assertThat(ids(search("لالجین"))).containsExactly(id.toHexString());
        assertThat(ids(search("صنایع دستی"))).as("tags are searchable").contains(id.toHexString());
        Document entry = mongo.getCollection(SearchIndex.COLLECTION).find(new Document("_id", id.toHexString())).first();
        indexing.backfill();
        assertThat(mongo.getCollection(SearchIndex.COLLECTION).find(new Document("_id", id.toHexString())).first())
                .as("an entry in step is left alone").isEqualTo(entry);
    }

    // --- helpers: what the editor's app and a reader's browser send ---

    String create(String title, String body) {
        HttpResponse<String> created = post("/api/articles", JSON.writeValueAsString(
                Map.of("title", title, "body", body, "tags", List.of("آزمون"), "source", "ایسنا")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    String publish(String title, String body) {
        String id = create(title, body);
        HttpResponse<String> published = post("/api/articles/" + id + "/publish", "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }

    void awaitFound(String query, String... ids) {
        await().atMost(INDEXED).untilAsserted(() -> assertThat(ids(search(query))).contains(ids));
    }

    JsonNode search(String query) {
        return get("/api/search?q=" + encode(query) + "&size=50");
    }

    JsonNode get(String path) {
        HttpResponse<String> response = http(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String withArticleId(String example, String articleId) {
        ObjectNode node = (ObjectNode) JSON.readTree(example);
        node.put("articleId", articleId);
        return node.toString();
    }

    void sendToPartitionZero(String key, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>("article-events", 0, key, json);
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/sarkhat/test",
                "ce_type", type, "ce_time", Instant.now().toString(), "ce_subject", key,
                "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        KafkaProbe.send(bootstrap(), record);
    }

    String bootstrap() {
        return kafka.getBrokersAsString();
    }

    HttpResponse<String> http(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", EDITOR).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = SearchIT.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
