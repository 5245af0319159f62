package ir.sarkhat.article;

import static ir.sarkhat.article.Http.json;
import static ir.sarkhat.article.Http.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.HeadlessChromium;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The article page shows the approved comments, rendered on the server from comment-service's
 * events (fed with the schemas' examples over a real broker), and stops showing one that is rejected.
 */
@SpringBootTest(classes = ArticleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sarkhat.kafka.retry.initial-interval-ms=50", "sarkhat.kafka.retry.max-interval-ms=200" })
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class CommentsOnArticlePageIT {

    static final String APPROVED = "sarkhat.comment.approved.v1";
    static final String REJECTED = "sarkhat.comment.rejected.v1";
    static final String DELETED = "sarkhat.comment.deleted.v1";
    static final String EDITOR = TestTokens.bearer("editor-1", "EDITOR");
    static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-articles-comments"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
        // The page cache's listener starts at the latest offset; events sent before it listens would not evict.
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("page-cache-invalidation"), 9);
    }

    @Test
    void approvedCommentsAreOnThePageThreadedAndARejectedOneLeavesIt() {
        JsonNode article = publishedArticle("خبر با دیدگاه");
        String articleId = article.get("id").asString();
        String page = "/articles/" + segment(article.get("slug").asString());
        String commentId = new ObjectId().toHexString();
        String replyId = new ObjectId().toHexString();

        ObjectNode approved = example("comment-approved.v1.schema.json").put("articleId", articleId)
                .put("commentId", commentId);
        String approvedEventId = send(articleId, APPROVED, approved);
        ObjectNode reply = example("comment-approved.v1.schema.json").put("articleId", articleId)
                .put("commentId", replyId).put("parentId", commentId).put("depth", 1).put("authorName", "علی")
                .put("authorUrl", "https://ali.example.ir/").put("bodyHtml", "موافقم")
                .put("createdAt", "2023-04-09T09:30:00Z").put("approvedAt", "2023-04-09T10:20:00Z");
        send(articleId, APPROVED, reply);

        await().atMost(WAIT).untilAsserted(() -> assertThat(http.get(page).body()).contains("موافقم"));
        String html = http.get(page).body();
        int start = html.indexOf("<section id=\"comments\"");
        String section = html.substring(start, html.indexOf("</section>", start));
        assertThat(section).startsWith("<section id=\"comments\" data-article-id=\"" + articleId + "\">")
                .contains("۲ دیدگاه")
                .contains("خبر خوبی بود.").contains("مریم")
                .contains("<time class=\"meta\" datetime=\"2023-04-09T09:00:00Z\">۲۰ فروردین ۱۴۰۲، ۱۲:۳۰</time>")
                .contains("href=\"https://ali.example.ir/\" rel=\"ugc nofollow noopener\">علی</a>")
                .contains("<noscript>");
        assertThat(section.indexOf("خبر خوبی بود.")).as("oldest first, the reply under it")
                .isLessThan(section.indexOf("موافقم"));
        assertThat(section.replaceAll("\\s+", " ")).as("the reply is indented one level")
                .contains("id=\"comment-" + replyId + "\" class=\"comment depth-1\" data-depth=\"1\">");
        assertThat(section).as("no style attributes: the CSP allows no inline styles").doesNotContain("style=")
                .containsPattern("class=\"avatar hue-([0-9]|1[01])\"");
        assertThat(html).contains("<script src=\"/comments/widget.js\" defer></script>")
                .contains("<link rel=\"stylesheet\" href=\"/comments/widget.css\">");
        assertThat(html.indexOf("/comments/widget.js")).isGreaterThan(html.indexOf("</section>", html.indexOf("<section id=\"comments\"")));

        ObjectNode rejected = example("comment-rejected.v1.schema.json").put("articleId", articleId)
                .put("commentId", commentId);
        send(articleId, REJECTED, rejected);
        await().atMost(WAIT).untilAsserted(() -> assertThat(http.get(page).body()).doesNotContain("خبر خوبی بود."));

        // The approval again (a redelivery), then an event for another article on the same key as a marker:
        // once the marker shows, the redelivery was consumed, and it did not bring the comment back.
        KafkaProbe.sendCloudEvent(bootstrap(), "comment-events", articleId, APPROVED, approved.toString(),
                approvedEventId);
        String markerId = new ObjectId().toHexString();
        send(articleId, APPROVED, example("comment-approved.v1.schema.json").put("articleId", articleId)
                .put("commentId", markerId).put("bodyHtml", "نشانگر").put("createdAt", "2023-04-09T11:00:00Z"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(http.get(page).body()).contains("نشانگر"));
        assertThat(http.get(page).body()).doesNotContain("خبر خوبی بود.").contains("موافقم").contains("۲ دیدگاه");

        send(articleId, DELETED, example("comment-deleted.v1.schema.json").put("articleId", articleId)
                .put("commentId", replyId));
        await().atMost(WAIT).untilAsserted(() -> assertThat(http.get(page).body()).doesNotContain("موافقم")
                .contains("۱ دیدگاه"));
    }

    @Test
    void aReaderWithoutJavaScriptSeesTheCommentsThreadedRightToLeft() {
        JsonNode article = publishedArticle("خبر برای مرورگر بی‌اسکریپت");
        String articleId = article.get("id").asString();
        String page = "/articles/" + segment(article.get("slug").asString());
        String commentId = new ObjectId().toHexString();
        String replyId = new ObjectId().toHexString();
        send(articleId, APPROVED, example("comment-approved.v1.schema.json").put("articleId", articleId)
                .put("commentId", commentId));
        send(articleId, APPROVED, example("comment-approved.v1.schema.json").put("articleId", articleId)
                .put("commentId", replyId).put("parentId", commentId).put("depth", 1).put("authorName", "علی")
                .put("bodyHtml", "پاسخ علی").put("createdAt", "2023-04-09T09:30:00Z"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(http.get(page).body()).contains("پاسخ علی"));

        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            browser.get("http://127.0.0.1:" + port + page);

            WebElement section = browser.findElement(By.id("comments"));
            assertThat(section.getText()).contains("۲ دیدگاه").contains("مریم").contains("خبر خوبی بود.")
                    .contains("علی").contains("پاسخ علی").contains("۲۰ فروردین ۱۴۰۲")
                    .contains("برای نوشتن دیدگاه، جاوااسکریپت");
            assertThat(section.getCssValue("direction")).isEqualTo("rtl");
            Rectangle parent = browser.findElement(By.id("comment-" + commentId)).getRect();
            Rectangle reply = browser.findElement(By.id("comment-" + replyId)).getRect();
            assertThat(reply.getY()).as("the reply comes after its parent").isGreaterThan(parent.getY());
            assertThat(reply.getX() + reply.getWidth()).as("the reply is indented from the right")
                    .isLessThanOrEqualTo(parent.getX() + parent.getWidth() - 24);
        } finally {
            browser.quit();
        }
    }

    @Test
    void scriptsInACommentOrItsAuthorAreInert() {
        JsonNode article = publishedArticle("خبر با دیدگاه خطرناک");
        String articleId = article.get("id").asString();
        String page = "/articles/" + segment(article.get("slug").asString());
        send(articleId, APPROVED, example("comment-approved.v1.schema.json").put("articleId", articleId)
                .put("commentId", new ObjectId().toHexString())
                .put("authorName", "<script>alert('name')</script>مهاجم")
                .put("authorUrl", "javascript:alert('url')")
                .put("avatarHash", "\" onmouseover=\"alert('hash')")
                .put("bodyHtml", "متن مخرب<img src=x onerror=alert('img')><script>alert('body')</script>"
                        + "<a href=\"javascript:alert('link')\">پیوند</a><a href=\"https://isna.ir\" onclick=\"alert('click')\">ایسنا</a>"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(http.get(page).body()).contains("متن مخرب"));
        String html = http.get(page).body();
        int start = html.indexOf("<section id=\"comments\"");
        String section = html.substring(start, html.indexOf("</section>", start));
        assertThat(section).contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;مهاجم")
                .contains("href=\"https://isna.ir\"").contains("پیوند");
        assertThat(section.toLowerCase()).doesNotContain("<script").doesNotContain("javascript:")
                .doesNotContain("onerror").doesNotContain("onclick").doesNotContain("onmouseover").doesNotContain("<img");
    }

    private JsonNode publishedArticle(String title) {
        HttpResponse<String> created = http.post("/api/articles", Http.JSON.writeValueAsString(
                Map.of("title", title, "body", "متن خبر", "tags", List.of("آزمون"))), EDITOR);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> published = http.post("/api/articles/" + json(created).get("id").asString() + "/publish",
                null, EDITOR);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return json(published);
    }

    private String send(String articleId, String type, ObjectNode data) {
        String schema = type.replace("sarkhat.", "").replace(".v1", "").replace('.', '-') + ".v1.schema.json";
        EventContracts.assertValid(schema, data.toString());
        return KafkaProbe.sendCloudEvent(bootstrap(), "comment-events", articleId, type, data.toString());
    }

    private static ObjectNode example(String schema) {
        return (ObjectNode) Http.JSON.readTree(EventContracts.examples(schema).get(0));
    }

    private String bootstrap() {
        return kafka.getBrokersAsString();
    }
}
