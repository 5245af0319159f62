package ir.sarkhat.article.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.KafkaProbe;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cached pages and JSON change only when this service's events say so (the TTL is 10 minutes here).
 * The store is changed underneath first, so a stale cache would show.
 */
class PageCacheIT extends ReaderSideContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aCachedArticleChangesAfterArticleUpdatedIsConsumed() {
        var article = article("تیتر نخست").slug("تیتر-کش").tags("آزمون").insert();
        String page = "/articles/" + segment(article.slug());
        String api = "/api/articles/" + segment(article.slug());
        assertThat(get(page).headers().firstValue("X-Sarkhat-Cache")).hasValue("MISS");
        assertThat(get(api).body()).contains("تیتر نخست");
        assertThat(get("/").body()).contains("تیتر نخست");
        assertThat(get("/feed").body()).contains("تیتر نخست");
        HttpResponse<String> cached = get(page);
        assertThat(cached.headers().firstValue("X-Sarkhat-Cache")).hasValue("HIT");
        assertThat(cached.headers().firstValue("X-Sarkhat-Article-Id")).as("the gateway counts cached reads too")
                .hasValue(article.id());

        setTitle(article.id(), "تیتر ویرایش‌شده");
        assertThat(get(page).body()).as("served from the cache").contains("<h1>تیتر نخست</h1>");
        assertThat(get(api).body()).contains("\"title\":\"تیتر نخست\"");

        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", article.id(), "sarkhat.article.updated.v1",
                example("article-updated.v1.schema.json", article.id(), article.slug()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(get(page).body()).contains("<h1>تیتر ویرایش‌شده</h1>");
            assertThat(get(api).body()).contains("\"title\":\"تیتر ویرایش‌شده\"");
            assertThat(get("/").body()).contains("تیتر ویرایش‌شده");
            assertThat(get("/feed").body()).contains("تیتر ویرایش‌شده");
        });
    }

    @Test
    void newCountsAreWrittenIntoTheCachedPageAndJsonWithoutARender() {
        var article = article("خبر شمارش").slug("شمارش-کش").insert();
        String page = "/articles/" + segment(article.slug());
        String api = "/api/articles/" + segment(article.slug());
        assertThat(get(page).body()).contains("۰ بازدید");
        HttpResponse<String> json = get(api);
        assertThat(json.body()).contains("\"viewCount\":0");
        String oldTag = json.headers().firstValue("ETag").orElseThrow();
        // Changed underneath: a re-render would show it, counts written into the cached answers do not.
        setTitle(article.id(), "تیتر تازه‌ای که نباید دیده شود");

        KafkaProbe.sendCloudEvent(bootstrap(), "article-stats", article.id(), "sarkhat.article.stats-updated.v1",
                statsUpdated(article.id(), 39, 2, 41));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get(page).body()).contains("۳۹ بازدید").contains("۲ دیدگاه"));
        HttpResponse<String> cachedPage = get(page);
        assertThat(cachedPage.headers().firstValue("X-Sarkhat-Cache")).hasValue("HIT");
        assertThat(cachedPage.headers().firstValue("X-Sarkhat-Article-Id")).hasValue(article.id());
        assertThat(cachedPage.body()).contains("<h1>خبر شمارش</h1>");
        HttpResponse<String> cachedJson = get(api);
        assertThat(cachedJson.headers().firstValue("X-Sarkhat-Cache")).hasValue("HIT");
        assertThat(cachedJson.body()).contains("\"viewCount\":39,\"commentCount\":2,").contains("خبر شمارش");
        String newTag = cachedJson.headers().firstValue("ETag").orElseThrow();
        assertThat(newTag).as("the counts are part of the representation").isNotEqualTo(oldTag);
        assertThat(conditionalGet(api, oldTag).statusCode()).isEqualTo(200);
        assertThat(conditionalGet(api, newTag).statusCode()).isEqualTo(304);

        // An older total arriving late changes nothing: the store keeps the newest, and that is what is shown.
        KafkaProbe.sendCloudEvent(bootstrap(), "article-stats", article.id(), "sarkhat.article.stats-updated.v1",
                statsUpdated(article.id(), 7, 0, 5));
        KafkaProbe.sendCloudEvent(bootstrap(), "article-stats", article.id(), "sarkhat.article.stats-updated.v1",
                statsUpdated(article.id(), 1234, 3, 42));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get(page).body()).contains("۱٬۲۳۴ بازدید").contains("۳ دیدگاه"));
        assertThat(get(api).body()).contains("\"viewCount\":1234,\"commentCount\":3,");
    }

    @Test
    void aFreshRenderAfterNewCountsTagsTheSameBytesWithTheSameETag() {
        var article = article("خبر برچسب").slug("برچسب-کش").insert();
        String api = "/api/articles/" + segment(article.slug());
        get(api);
        KafkaProbe.sendCloudEvent(bootstrap(), "article-stats", article.id(), "sarkhat.article.stats-updated.v1",
                statsUpdated(article.id(), 12, 1, 3));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(api).body()).contains("\"viewCount\":12,"));
        HttpResponse<String> written = get(api);

        cache.evictAll();
        HttpResponse<String> rendered = get(api);

        assertThat(rendered.headers().firstValue("X-Sarkhat-Cache")).hasValue("MISS");
        assertThat(rendered.body()).isEqualTo(written.body());
        assertThat(rendered.headers().firstValue("ETag")).isEqualTo(written.headers().firstValue("ETag"));
    }

    @Test
    void unpublishingEvictsThePageAndRenamingEvictsTheOldSlug() {
        var gone = article("خبر برداشته").slug("برداشته-کش").insert();
        var renamed = article("خبر تغییرنام").slug("نام-کهنه-کش").insert();
        assertThat(get("/articles/" + segment(gone.slug())).statusCode()).isEqualTo(200);
        assertThat(get("/articles/" + segment(renamed.slug())).statusCode()).isEqualTo(200);

        mongo.getCollection("articles").updateOne(new Document("_id", new ObjectId(gone.id())),
                new Document("$set", new Document("status", "UNPUBLISHED")));
        mongo.getCollection("articles").updateOne(new Document("_id", new ObjectId(renamed.id())),
                new Document("$set", new Document("slug", "نام-تازه-کش")));
        mongo.getCollection("slug_history").insertOne(new Document("_id", "نام-کهنه-کش").append("articleId", renamed.id()));
        ObjectNode unpublished = (ObjectNode) JSON.readTree(EventContracts.examples("article-unpublished.v1.schema.json").get(0));
        unpublished.put("articleId", gone.id()).put("slug", gone.slug());
        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", gone.id(), "sarkhat.article.unpublished.v1",
                unpublished.toString());
        ObjectNode updated = (ObjectNode) JSON.readTree(example("article-updated.v1.schema.json", renamed.id(), "نام-تازه-کش"));
        updated.put("previousSlug", "نام-کهنه-کش");
        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", renamed.id(), "sarkhat.article.updated.v1",
                updated.toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(get("/articles/" + segment(gone.slug())).statusCode()).isEqualTo(404);
            assertThat(get("/articles/" + segment("نام-کهنه-کش")).statusCode()).isEqualTo(301);
        });
    }

    @Test
    void anUnreadableEventEmptiesTheCacheInsteadOfLeavingItStale() {
        var article = article("خبر پیش از رویداد خراب").slug("خراب-کش").insert();
        String page = "/articles/" + segment(article.slug());
        get(page);
        setTitle(article.id(), "خبر پس از رویداد خراب");

        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", article.id(), "sarkhat.article.updated.v1", "not json");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get(page).body()).contains("خبر پس از رویداد خراب"));
    }

    private void setTitle(String id, String title) {
        mongo.getCollection("articles").updateOne(new Document("_id", new ObjectId(id)),
                new Document("$set", new Document("title", title)));
    }

    private HttpResponse<String> conditionalGet(String path, String etag) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String statsUpdated(String articleId, long views, long comments, long version) {
        ObjectNode stats = (ObjectNode) JSON.readTree(EventContracts.examples("article-stats-updated.v1.schema.json").get(0));
        return stats.put("articleId", articleId).put("views", views).put("comments", comments).put("version", version)
                .toString();
    }

    private static String example(String schema, String articleId, String slug) {
        ObjectNode node = (ObjectNode) JSON.readTree(EventContracts.examples(schema).get(0));
        node.put("articleId", articleId).put("slug", slug);
        return node.toString();
    }
}
