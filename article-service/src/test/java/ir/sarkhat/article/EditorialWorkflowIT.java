package ir.sarkhat.article;

import static ir.sarkhat.article.Http.json;
import static ir.sarkhat.article.Http.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ir.sarkhat.article.articles.ArticleReading;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The editorial workflow over HTTP and Kafka: states and their events, scheduling, ETags, slugs,
 * revisions, categories, the reader filters. Its own database, so no other test context's relay
 * or scheduler touches these articles.
 */
@SpringBootTest(classes = ArticleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=sarkhat-articles-workflow")
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class EditorialWorkflowIT {

    static final String EDITOR = TestTokens.bearer("editor-1", "EDITOR");
    static final String ADMIN = TestTokens.bearer("admin", "ADMIN");
    static final String PUBLISHED = "sarkhat.article.published.v1";
    static final String UPDATED = "sarkhat.article.updated.v1";
    static final String UNPUBLISHED = "sarkhat.article.unpublished.v1";
    static final Map<String, String> SCHEMAS = Map.of(PUBLISHED, "article-published.v1.schema.json",
            UPDATED, "article-updated.v1.schema.json", UNPUBLISHED, "article-unpublished.v1.schema.json");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-articles-workflow"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ArticleReading reading;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void eachTransitionEmitsItsEventOrNone() {
        JsonNode draft = create(article("خبر چرخه انتشار " + unique(), "متن خبر چرخه"));
        String id = id(draft);

        assertProblem(post(id, "unpublish"), 409, "DRAFT");
        assertThat(status(post(id, "draft"))).isEqualTo("DRAFT");
        assertProblem(schedule(id, Instant.now().minus(Duration.ofHours(1)).toString()), 400, "publishAt");
        assertProblem(schedule(id, "فردا ساعت ۸"), 400, "publishAt");
        assertProblem(http.send("POST", "/api/articles/" + id + "/schedule", "{}", EDITOR), 400, "publishAt");

        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> scheduled = schedule(id, tomorrow.toString());
        assertThat(status(scheduled)).isEqualTo("SCHEDULED");
        assertThat(json(scheduled).get("publishAt").asString()).isEqualTo(tomorrow.toString());
        assertThat(status(post(id, "draft"))).isEqualTo("DRAFT");

        HttpResponse<String> published = post(id, "publish");
        assertThat(status(published)).isEqualTo("PUBLISHED");
        String firstPublishedAt = json(published).get("publishedAt").asString();
        assertThat(json(post(id, "publish")).get("publishedAt").asString()).isEqualTo(firstPublishedAt);
        assertProblem(schedule(id, tomorrow.toString()), 409, "PUBLISHED");

        assertThat(status(post(id, "unpublish"))).isEqualTo("UNPUBLISHED");
        assertThat(status(post(id, "unpublish"))).isEqualTo("UNPUBLISHED");
        assertThat(http.get("/api/articles/" + segment(draft.get("slug").asString())).statusCode()).isEqualTo(404);

        HttpResponse<String> republished = post(id, "publish");
        assertThat(json(republished).get("publishedAt").asString()).as("first publication kept").isEqualTo(firstPublishedAt);
        assertThat(http.get("/api/articles/" + segment(draft.get("slug").asString())).statusCode()).isEqualTo(200);
        assertThat(status(post(id, "draft"))).isEqualTo("DRAFT");

        List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
        assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_type"))
                .containsExactly(PUBLISHED, UNPUBLISHED, PUBLISHED, UNPUBLISHED);
        JsonNode unpublished = Http.JSON.readTree(events.get(1).value());
        assertThat(unpublished.get("articleId").asString()).isEqualTo(id);
        assertThat(unpublished.get("slug").asString()).isEqualTo(draft.get("slug").asString());
    }

    @Test
    void aScheduledArticleIsPublishedWithinFiveSecondsOfItsTime() {
        JsonNode draft = create(article("خبر زمان‌بندی شده " + unique(), "متن خبری که سر وقت منتشر می‌شود"));
        String id = id(draft);
        String slug = draft.get("slug").asString();
        Instant publishAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);

        assertThat(status(schedule(id, publishAt.toString()))).isEqualTo("SCHEDULED");
        assertThat(http.get("/api/articles/" + segment(slug)).statusCode()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(9)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/api/articles/" + segment(slug)).statusCode() == 200);
        Instant publishedAt = Instant.parse(json(http.get("/api/articles/" + segment(slug))).get("publishedAt").asString());
        assertThat(publishedAt).isAfterOrEqualTo(publishAt).isBefore(publishAt.plusSeconds(5));
        JsonNode staff = json(http.get("/api/articles/id/" + id, EDITOR));
        assertThat(staff.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(staff.get("publishAt").isNull()).isTrue();
        assertThat(eventsOf(id, 1)).extracting(r -> KafkaProbe.header(r, "ce_type")).containsExactly(PUBLISHED);
    }

    @Test
    void editsNeedTheCurrentETagAndAPublishedEditIsAnnounced() {
        String title = "خبر ویرایشی " + unique();
        HttpResponse<String> created = http.post("/api/articles", Http.JSON.writeValueAsString(article(title, "متن نخست")), EDITOR);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = id(json(created));
        String etag = etag(created);
        assertThat(etag).isEqualTo("\"" + json(created).get("version").asLong() + "\"");
        assertThat(etag(http.get("/api/articles/id/" + id, EDITOR))).isEqualTo(etag);

        Map<String, Object> edit = article(title + " تازه", "متن دوم");
        assertProblem(put(id, edit, null), 428, "If-Match");
        assertProblem(put(id, edit, "\"999\""), 412, "reload");
        assertProblem(put(id, edit, "W/" + etag), 412, "reload");
        assertThat(json(http.get("/api/articles/id/" + id, EDITOR)).get("title").asString()).isEqualTo(title);

        HttpResponse<String> edited = put(id, edit, etag);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).get("body").asString()).isEqualTo("متن دوم");
        assertThat(json(edited).get("slug").asString()).as("a draft's slug follows its title").endsWith("تازه");
        assertThat(etag(edited)).isNotEqualTo(etag);
        assertProblem(put(id, article(title, "متن سوم"), etag), 412, "reload");

        JsonNode published = json(post(id, "publish"));
        String oldSlug = published.get("slug").asString();
        Map<String, Object> renamed = article(title + " با نشانی نو", "متن پس از انتشار");
        renamed.put("slug", "نشانی نو " + unique());
        renamed.put("status", "DRAFT"); // unknown to the API: ignored
        HttpResponse<String> afterRename = put(id, renamed, etag(http.get("/api/articles/id/" + id, EDITOR)));
        assertThat(afterRename.statusCode()).as(afterRename.body()).isEqualTo(200);
        assertThat(status(afterRename)).isEqualTo("PUBLISHED");
        String newSlug = json(afterRename).get("slug").asString();
        assertThat(newSlug).startsWith("نشانی-نو-");

        HttpResponse<String> moved = http.get("/api/articles/" + segment(oldSlug));
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue("/api/articles/" + segment(newSlug));
        assertThat(reading.currentSlugFor(oldSlug)).hasValue(newSlug);
        assertThat(reading.currentSlugFor(newSlug)).isEmpty();
        assertThat(json(http.get("/api/articles/" + segment(newSlug))).get("body") == null).isTrue();

        HttpResponse<String> publicRead = http.get("/api/articles/" + segment(newSlug));
        String publicTag = etag(publicRead);
        assertThat(publicTag).doesNotStartWith("W/");
        assertThat(http.send("GET", "/api/articles/" + segment(newSlug), null, null, "If-None-Match", publicTag).statusCode())
                .isEqualTo(304);

        HttpResponse<String> same = put(id, renamed, etag(afterRename));
        assertThat(etag(same)).as("saving identical content writes nothing").isEqualTo(etag(afterRename));

        Map<String, Object> retitled = new HashMap<>(renamed);
        retitled.put("title", title + " با عنوان سوم");
        assertThat(put(id, retitled, etag(same)).statusCode()).isEqualTo(200);
        assertThat(etag(http.get("/api/articles/" + segment(newSlug)))).as("public tag follows the content").isNotEqualTo(publicTag);

        List<ConsumerRecord<String, String>> events = eventsOf(id, 3);
        assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_type")).containsExactly(PUBLISHED, UPDATED, UPDATED);
        assertThat(Http.JSON.readTree(events.get(2).value()).get("previousSlug").isNull()).as("slug unchanged").isTrue();
        JsonNode updated = Http.JSON.readTree(events.get(1).value());
        assertThat(updated.get("slug").asString()).isEqualTo(newSlug);
        assertThat(updated.get("previousSlug").asString()).isEqualTo(oldSlug);
        assertThat(updated.get("title").asString()).isEqualTo(title + " با نشانی نو");
    }

    @Test
    void anExplicitSlugThatIsTakenIsAConflict() {
        String wanted = "همایش " + unique();
        JsonNode first = create(withSlug(article("همایش نخست", "متن"), wanted));
        assertThat(first.get("slug").asString()).isEqualTo(wanted.replace(' ', '-'));

        assertProblem(http.post("/api/articles", Http.JSON.writeValueAsString(withSlug(article("همایش دوم", "متن"), wanted)),
                EDITOR), 409, "slug");
        HttpResponse<String> second = http.post("/api/articles", Http.JSON.writeValueAsString(article("همایش دوم", "متن")), EDITOR);
        String secondId = id(json(second));
        assertProblem(put(secondId, withSlug(article("همایش دوم", "متن"), wanted), etag(second)), 409, "slug");
        assertThat(json(http.get("/api/articles/id/" + secondId, EDITOR)).get("slug").asString())
                .isEqualTo(json(second).get("slug").asString());

        JsonNode latin = create(withSlug(article("خبر لاتین", "متن"), "Tehran News  " + unique().toUpperCase()));
        assertThat(latin.get("slug").asString()).matches("tehran-news-[0-9a-f]{8}");
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413AndNothingIsSaved() {
        long before = mongo.getCollection("articles").countDocuments();
        String overOneMb = "a".repeat(1024 * 1024 + 1);

        HttpResponse<String> tooLarge = http.post("/api/articles",
                Http.JSON.writeValueAsString(article("خبر بسیار بلند", overOneMb)), EDITOR);
        assertProblem(tooLarge, 413, "body");
        HttpResponse<String> overRequestLimit = http.post("/api/articles",
                Http.JSON.writeValueAsString(article("خبر بسیار بسیار بلند", "a".repeat(3 * 1024 * 1024 + 10))), EDITOR);
        assertThat(overRequestLimit.statusCode()).isEqualTo(413);
        assertThat(mongo.getCollection("articles").countDocuments()).isEqualTo(before);

        // Persian letters take two bytes: 140 000 words of three letters are 980 000 bytes, far over the old 256 KB.
        HttpResponse<String> longButFine = http.post("/api/articles",
                Http.JSON.writeValueAsString(article("خبر بلند", "خبر ".repeat(140_000))), EDITOR);
        assertThat(longButFine.statusCode()).isEqualTo(201);
        assertProblem(put(id(json(longButFine)), article("خبر بلند", overOneMb), etag(longButFine)), 413, "body");
        assertThat(json(http.get("/api/articles/id/" + id(json(longButFine)), EDITOR)).get("body").asString())
                .startsWith("خبر خبر");
    }

    @Test
    void categoriesFormATreeAndArticlesMayOnlyUseExistingOnes() {
        String u = unique();
        assertThat(createCategory("ورزش " + u, null, null).get("slug").asString()).isEqualTo("ورزش-" + u);
        assertThat(createCategory("فوتبال " + u, null, "ورزش-" + u).get("parent").asString()).isEqualTo("ورزش-" + u);
        createCategory("لیگ برتر", "league-" + u, "فوتبال-" + u);

        assertProblem(http.post("/api/categories", "{\"name\":\"شطرنج\",\"parent\":\"ناموجود-" + u + "\"}", EDITOR),
                400, "ناموجود-" + u);
        assertProblem(http.post("/api/categories", "{\"name\":\"ورزش " + u + "\"}", EDITOR), 409, "ورزش-" + u);
        assertProblem(http.post("/api/categories", "{\"name\":\"\"}", EDITOR), 400, "name");
        assertThat(http.post("/api/categories", "{\"name\":\"بی‌اجازه\"}", null).statusCode()).isEqualTo(401);

        JsonNode tree = json(http.get("/api/categories"));
        JsonNode sport = null;
        for (JsonNode node : tree) {
            if (node.get("slug").asString().equals("ورزش-" + u)) {
                sport = node;
            }
        }
        assertThat(sport).isNotNull();
        assertThat(sport.get("children").get(0).get("slug").asString()).isEqualTo("فوتبال-" + u);
        assertThat(sport.get("children").get(0).get("children").get(0).get("slug").asString()).isEqualTo("league-" + u);

        long before = mongo.getCollection("articles").countDocuments();
        Map<String, Object> unknown = article("خبر بی‌دسته", "متن");
        unknown.put("categories", List.of("ورزش-" + u, "کشتی-" + u));
        assertProblem(http.post("/api/articles", Http.JSON.writeValueAsString(unknown), EDITOR), 400, "کشتی-" + u);
        assertThat(mongo.getCollection("articles").countDocuments()).isEqualTo(before);
    }

    @Test
    void readersFilterCombineAndArticlesLinkToRelatedPreviousAndNext() {
        String u = unique();
        String sport = createCategory("ورزش " + u, null, null).get("slug").asString();
        String football = createCategory("فوتبال " + u, null, sport).get("slug").asString();
        String t1 = "جام " + u;
        String t2 = "تیم ملی " + u;
        String a1 = publishNew(tagged("خبر یک " + u, List.of(t1, t2), List.of(football), false), EDITOR);
        String a2 = publishNew(tagged("خبر دو " + u, List.of(t1, t2), List.of(sport), false), EDITOR);
        String a3 = publishNew(tagged("خبر سه " + u, List.of("دیگر " + u), List.of(), false), TestTokens.bearer("editor-2-" + u, "EDITOR"));
        String a4 = publishNew(tagged("خبر چهار " + u, List.of(t1, t2), List.of(football), true), EDITOR);
        create(tagged("پیش‌نویس " + u, List.of(t1), List.of(football), false));

        assertThat(listed("tag=" + segment(t1))).containsExactly(a4, a2, a1);
        assertThat(listed("category=" + segment(sport))).as("with subcategories").containsExactly(a4, a2, a1);
        assertThat(listed("category=" + segment(football))).containsExactly(a4, a1);
        assertThat(listed("tag=" + segment(t2) + "&category=" + segment(football) + "&author=editor-1")).containsExactly(a4, a1);
        assertThat(listed("author=editor-2-" + u)).containsExactly(a3);
        assertThat(listed("sticky=true&tag=" + segment(t1))).containsExactly(a4);
        assertThat(listed("category=" + segment("ناموجود-" + u))).isEmpty();
        JsonNode page = json(http.get("/api/articles?limit=1&tag=" + segment(t1)));
        assertThat(listed("limit=2&tag=" + segment(t1) + "&cursor=" + page.get("nextCursor").asString())).containsExactly(a2, a1);

        JsonNode fourth = json(http.get("/api/articles/" + segment(slugOf(a4))));
        assertThat(fourth.get("categories").get(0).asString()).isEqualTo(football);
        assertThat(fourth.get("author").asString()).isEqualTo("editor-1");
        assertThat(fourth.get("updatedAt").asString()).endsWith("Z");
        assertThat(fourth.get("featuredImage").get("url").asString()).isEqualTo("https://cdn.example.ir/a.jpg");
        List<String> related = new ArrayList<>();
        fourth.get("related").forEach(r -> related.add(r.get("id").asString()));
        assertThat(related).as("most shared first (a1: 3, a2: 2), a3 shares nothing").containsExactly(a1, a2);

        JsonNode third = json(http.get("/api/articles/" + segment(slugOf(a3))));
        assertThat(third.get("previous").get("id").asString()).isEqualTo(a2);
        assertThat(third.get("next").get("id").asString()).isEqualTo(a4);
        assertThat(third.get("next").get("slug").asString()).isEqualTo(slugOf(a4));
        assertThat(third.get("next").get("title").asString()).isEqualTo("خبر چهار " + u);
        assertThat(third.get("next").get("publishedAt").asString()).endsWith("Z");
        assertThat(third.get("related")).isEmpty();
    }

    @Test
    void revisionsKeepTheLast25SavesAndOneCanBeRestored() {
        String title = "خبر بازنگری " + unique();
        HttpResponse<String> response = http.post("/api/articles", Http.JSON.writeValueAsString(article(title + " ۰", "نسخه ۰")), EDITOR);
        String id = id(json(response));
        List<Long> versions = new ArrayList<>(List.of(json(response).get("version").asLong()));
        for (int i = 1; i <= 27; i++) {
            response = put(id, article(title + " " + i, "نسخه " + i), etag(response));
            assertThat(response.statusCode()).isEqualTo(200);
            versions.add(json(response).get("version").asLong());
        }
        post(id, "publish");

        HttpResponse<String> listing = http.get("/api/articles/" + id + "/revisions", EDITOR);
        assertThat(listing.statusCode()).isEqualTo(200);
        List<Long> numbers = new ArrayList<>();
        json(listing).forEach(r -> numbers.add(r.get("number").asLong()));
        List<Long> kept = new ArrayList<>(versions.subList(3, 28));
        java.util.Collections.reverse(kept);
        assertThat(numbers).hasSize(25).containsExactlyElementsOf(kept);
        assertThat(json(listing).get(0).get("savedBy").asString()).isEqualTo("editor-1");
        assertThat(http.get("/api/articles/" + id + "/revisions/" + versions.get(2), EDITOR).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/articles/" + id + "/revisions", null).statusCode()).isEqualTo(401);

        long fifth = versions.get(5);
        JsonNode revision = json(http.get("/api/articles/" + id + "/revisions/" + fifth, EDITOR));
        assertThat(revision.get("title").asString()).isEqualTo(title + " 5");
        assertThat(revision.get("body").asString()).isEqualTo("نسخه 5");

        String current = etag(http.get("/api/articles/id/" + id, EDITOR));
        assertThat(http.send("POST", "/api/articles/" + id + "/revisions/" + fifth + "/restore", null, EDITOR).statusCode())
                .isEqualTo(428);
        HttpResponse<String> restored = http.send("POST", "/api/articles/" + id + "/revisions/" + fifth + "/restore",
                null, EDITOR, "If-Match", current);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(json(restored).get("title").asString()).isEqualTo(title + " 5");
        assertThat(json(restored).get("bodyHtml").asString()).contains("نسخه 5");
        assertThat(status(restored)).isEqualTo("PUBLISHED");
        JsonNode newest = json(http.get("/api/articles/" + id + "/revisions", EDITOR)).get(0);
        assertThat(newest.get("number").asLong()).isEqualTo(json(restored).get("version").asLong());
        assertThat(newest.get("title").asString()).isEqualTo(title + " 5");

        assertThat(eventsOf(id, 2)).extracting(r -> KafkaProbe.header(r, "ce_type")).containsExactly(PUBLISHED, UPDATED);
    }

    @Test
    void featuredImageExcerptAndAuthorAreChecked() {
        Map<String, Object> script = article("خبر با تصویر بد", "متن");
        script.put("featuredImage", Map.of("url", "javascript:alert(1)", "alt", "تصویر"));
        assertProblem(http.post("/api/articles", Http.JSON.writeValueAsString(script), EDITOR), 400, "featuredImage.url");
        Map<String, Object> noAlt = article("خبر با تصویر بی‌توضیح", "متن");
        noAlt.put("featuredImage", Map.of("url", "https://cdn.example.ir/x.jpg"));
        assertProblem(http.post("/api/articles", Http.JSON.writeValueAsString(noAlt), EDITOR), 400, "featuredImage.alt");

        Map<String, Object> manual = article("خبر با چکیده", "متن بلند " + "واژه ".repeat(100));
        manual.put("excerpt", "چكيده دستی");
        assertThat(create(manual).get("excerpt").asString()).isEqualTo("چکیده دستی");
        JsonNode derived = create(article("خبر بی چکیده", "متن بلند " + "واژه ".repeat(100)));
        assertThat(derived.get("excerpt").asString()).endsWith("…").startsWith("متن بلند واژه");

        Map<String, Object> ghostwritten = article("خبر به نام دیگری", "متن");
        ghostwritten.put("author", "someone-else");
        assertProblem(http.post("/api/articles", Http.JSON.writeValueAsString(ghostwritten), EDITOR), 403, "author");
        HttpResponse<String> byAdmin = http.post("/api/articles", Http.JSON.writeValueAsString(ghostwritten), ADMIN);
        assertThat(byAdmin.statusCode()).isEqualTo(201);
        assertThat(json(byAdmin).get("author").asString()).isEqualTo("someone-else");
    }

    // --- helpers ---

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> article(String title, String body) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("body", body);
        article.put("tags", List.of("آزمون"));
        article.put("source", "ایسنا");
        return article;
    }

    static Map<String, Object> withSlug(Map<String, Object> article, String slug) {
        article.put("slug", slug);
        return article;
    }

    static Map<String, Object> tagged(String title, List<String> tags, List<String> categories, boolean sticky) {
        Map<String, Object> article = article(title, "متن " + title);
        article.put("tags", tags);
        article.put("categories", categories);
        article.put("sticky", sticky);
        article.put("featuredImage", Map.of("url", "https://cdn.example.ir/a.jpg", "alt", "عکس خبر"));
        return article;
    }

    JsonNode create(Map<String, Object> article) {
        HttpResponse<String> response = http.post("/api/articles", Http.JSON.writeValueAsString(article), EDITOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    String publishNew(Map<String, Object> article, String token) {
        HttpResponse<String> response = http.post("/api/articles", Http.JSON.writeValueAsString(article), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = id(json(response));
        assertThat(http.post("/api/articles/" + id + "/publish", null, token).statusCode()).isEqualTo(200);
        return id;
    }

    JsonNode createCategory(String name, String slug, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("slug", slug);
        body.put("parent", parent);
        HttpResponse<String> response = http.post("/api/categories", Http.JSON.writeValueAsString(body), EDITOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    List<String> listed(String query) {
        HttpResponse<String> response = http.get("/api/articles?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response).get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    String slugOf(String id) {
        return json(http.get("/api/articles/id/" + id, EDITOR)).get("slug").asString();
    }

    HttpResponse<String> post(String id, String action) {
        return http.send("POST", "/api/articles/" + id + "/" + action, null, EDITOR);
    }

    HttpResponse<String> schedule(String id, String publishAt) {
        return http.send("POST", "/api/articles/" + id + "/schedule",
                Http.JSON.writeValueAsString(Map.of("publishAt", publishAt)), EDITOR);
    }

    HttpResponse<String> put(String id, Map<String, Object> article, String ifMatch) {
        return ifMatch == null
                ? http.send("PUT", "/api/articles/" + id, Http.JSON.writeValueAsString(article), EDITOR)
                : http.send("PUT", "/api/articles/" + id, Http.JSON.writeValueAsString(article), EDITOR, "If-Match", ifMatch);
    }

    static String id(JsonNode article) {
        return article.get("id").asString();
    }

    static String status(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("status").asString();
    }

    static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response.body()));
    }

    static void assertProblem(HttpResponse<String> response, int status, String detailMentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("detail").asString()).containsIgnoringCase(detailMentions);
    }

    /**
     * The article's events once {@code expected} of them arrived, and a little longer so a
     * duplicate would show; each validated against its contract.
     */
    List<ConsumerRecord<String, String>> eventsOf(String id, int expected) {
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            mine.clear();
            KafkaProbe.readAll(kafka.getBrokersAsString(), "article-events", Duration.ofSeconds(2)).stream()
                    .filter(r -> id.equals(r.key())).forEach(mine::add);
            assertThat(mine).hasSizeGreaterThanOrEqualTo(expected);
        });
        for (ConsumerRecord<String, String> record : mine) {
            EventContracts.assertValid(SCHEMAS.get(KafkaProbe.header(record, "ce_type")), record.value());
            assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(id);
        }
        return mine;
    }
}
