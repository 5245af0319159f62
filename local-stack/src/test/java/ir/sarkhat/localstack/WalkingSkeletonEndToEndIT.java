package ir.sarkhat.localstack;

import static ir.sarkhat.localstack.GatewayClient.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ir.sarkhat.localstack.GatewayClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton, through the gateway only: the four services' exec jars as child JVMs, Kafka and the
 * MongoDB-protocol store in this JVM, on free ports and a fresh data folder under target/e2e/ (kept after the
 * run; .ci/run prints the service logs when the build fails). The steps share one stack and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonEndToEndIT {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "e2e-admin-password-1";
    private static final String EDITOR = "editor1";
    private static final String EDITOR_PASSWORD = "e2e-editor-password-1";
    private static final String EMAIL = "maryam@example.com";
    private static final String TITLE = "پنجره واحد دولت هوشمند";
    private static final String BODY = """
            پنجره واحد خدمات دولت هوشمند از امروز در دسترس همه شهروندان است و بیش از دویست خدمت دستگاه‌های \
            اجرایی را در یک درگاه گرد می‌آورد. به گفته مسئولان، شهروندان دیگر برای گرفتن گواهی‌ها و مجوزها \
            به چند اداره مراجعه نمی‌کنند.

            در مرحله نخست، خدمات ثبت احوال، مالیات و بیمه در این درگاه ارائه می‌شود و خدمات دیگر تا پایان سال \
            افزوده خواهد شد. کارشناسان می‌گویند موفقیت این طرح به هماهنگی داده‌های دستگاه‌ها بستگی دارد.
            """;
    private static final Pattern PERSIAN_MONTH = Pattern.compile(
            "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند");
    private static final Pattern PAGEVIEW_ID = Pattern.compile("pv;desc=\"([0-9a-f-]{36})\"");
    private static final Pattern PERSIAN_DIGIT = Pattern.compile("[\u06F0-\u06F9]");
    private static final Duration STEP = Duration.ofMillis(300);

    private StackConfig config;
    private Stack stack;
    private GatewayClient gateway;

    private String adminToken;
    private String articleId;
    private String slug;
    /** The id the gateway gave the first page read, in {@code Server-Timing}; the beacon reports the same view. */
    private String firstPageviewId;
    private String commentId;

    @BeforeAll
    void startTheStack() {
        Path dataDir = Path.of("target", "e2e", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        config = StackConfig.builder()
                .dataDir(dataDir)
                .freePorts()
                .adminUser(ADMIN)
                .adminPassword(ADMIN_PASSWORD)
                // The steps poll by posting comments until comment-service knows the article: more than a
                // reader's 5 per minute from one address (the gateway's rate limit, tested in its own module).
                .extraServiceArgs(List.of("--sarkhat.gateway.rate-limits.rules.comment-post.limit=10000"))
                .progress(line -> System.out.println("[stack] " + line))
                .build();
        stack = new Stack(config).start();
        System.out.println("[stack] started in " + stack.startupTime().toMillis() + " ms, data in " + config.dataDir());
        gateway = new GatewayClient(stack.gatewayUrl());
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void a_adminLogsInAndAWrongPasswordIsAProblem() {
        Reply ok = login(ADMIN, ADMIN_PASSWORD);
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        JsonNode token = ok.json();
        assertThat(token.path("accessToken").asString()).isNotBlank();
        assertThat(token.path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(token.path("expiresIn").asLong()).isPositive();
        adminToken = token.path("accessToken").asString();

        Reply wrong = login(ADMIN, "not-the-password-at-all");
        assertThat(wrong.status()).as("%s", wrong).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(2)
    void b_anEditorWritesAndPublishesAnArticle() {
        Reply created = createArticle(TITLE);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode article = created.json();
        articleId = article.path("id").asString();
        slug = article.path("slug").asString();
        assertThat(articleId).isNotBlank();
        assertThat(slug).isNotBlank();
        assertThat(article.path("status").asString()).isEqualTo("DRAFT");

        Reply draft = gateway.get("/api/articles/" + segment(slug), null);
        assertThat(draft.status()).as("a draft is not public: %s", draft).isEqualTo(404);

        Reply published = publish(articleId);
        assertThat(published.status()).as("%s", published).isEqualTo(200);
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.json().path("publishedAt").asString()).isNotBlank();

        Reply list = gateway.get("/api/articles", null);
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        assertThat(list.body()).contains(articleId);

        Reply one = gateway.get("/api/articles/" + segment(slug), null);
        assertThat(one.status()).as("%s", one).isEqualTo(200);
        assertThat(one.json().has("readingTimeMinutes")).as("%s", one).isTrue();
        assertThat(one.json().has("viewCount")).as("%s", one).isTrue();
        assertThat(one.json().has("commentCount")).as("%s", one).isTrue();
        assertThat(one.json().path("readingTimeMinutes").asInt()).isPositive();
    }

    @Test
    @Order(3)
    void c_theArticlePageIsPersianAndRightToLeft() {
        for (int read = 1; read <= 5; read++) {
            Reply page = gateway.get("/articles/" + segment(slug), null);
            assertThat(page.status()).as("read %d: %s", read, page).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.hasHeader("X-Sarkhat-Article-Id")).as("the gateway removes the internal header").isFalse();
            if (read == 1) {
                Matcher pageview = PAGEVIEW_ID.matcher(page.header("Server-Timing"));
                assertThat(pageview.find()).as("the view's id in Server-Timing: %s", page.header("Server-Timing")).isTrue();
                firstPageviewId = pageview.group(1);
                assertThat(page.body()).contains("/analytics/beacon.js");
                assertThat(page.body()).contains("<html lang=\"fa\" dir=\"rtl\"").contains(TITLE);
                assertThat(PERSIAN_MONTH.matcher(page.body()).find()).as("a Jalali month name").isTrue();
                assertThat(PERSIAN_DIGIT.matcher(page.body()).find()).as("Persian digits").isTrue();
            }
        }
        // The page's beacon reports the first read again; the gateway stamps it with the secret the stack shares
        // with analytics-service, and the same pageviewId makes it count once (f_ still finds 5 views, not 6).
        Reply beacon = gateway.post("/api/analytics/events", null, Map.of("type", "pageview",
                "pageviewId", firstPageviewId, "url", stack.gatewayUrl().resolve("/articles/" + segment(slug)).toString(),
                "referrer", "https://www.google.com/", "screenWidth", 390));
        assertThat(beacon.status()).as("%s", beacon).isEqualTo(202);
    }

    @Test
    @Order(4)
    void d_aReaderCommentsAndTheCommentWaitsForModeration() {
        Map<String, Object> comment = Map.of("authorName", "مریم", "authorEmail", EMAIL,
                "body", "خیلی خوب است؛ امیدوارم خدمات بیمه هم زودتر اضافه شود.");
        // comment-service learns of the article from ArticlePublished: until then it answers 404.
        AtomicReference<Reply> accepted = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Reply reply = gateway.post("/api/articles/" + articleId + "/comments", null, comment);
            accepted.set(reply);
            assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        });
        commentId = accepted.get().json().path("id").asString();
        assertThat(commentId).isNotBlank();
        assertThat(accepted.get().json().path("status").asString()).isEqualTo("PENDING");

        Reply noEmail = gateway.post("/api/articles/" + articleId + "/comments", null,
                Map.of("authorName", "مریم", "body", "بدون ایمیل"));
        assertThat(noEmail.status()).as("%s", noEmail).isEqualTo(400);
        assertThat(noEmail.contentType()).startsWith("application/problem+json");

        Reply unknownArticle = gateway.post("/api/articles/000000000000000000000000/comments", null, comment);
        assertThat(unknownArticle.status()).as("%s", unknownArticle).isEqualTo(404);
        assertThat(unknownArticle.contentType()).startsWith("application/problem+json");

        Reply publicList = publicComments(articleId);
        assertThat(publicList.status()).as("%s", publicList).isEqualTo(200);
        assertThat(publicList.body()).doesNotContain(commentId).doesNotContain(EMAIL);
    }

    @Test
    @Order(5)
    void e_onlyAModeratorApproves() {
        Reply staff = gateway.post("/api/admin/staff", adminToken,
                Map.of("username", EDITOR, "password", EDITOR_PASSWORD, "roles", List.of("EDITOR")));
        assertThat(staff.status()).as("%s", staff).isEqualTo(201);
        Reply editorLogin = login(EDITOR, EDITOR_PASSWORD);
        assertThat(editorLogin.status()).as("%s", editorLogin).isEqualTo(200);
        String editorToken = editorLogin.json().path("accessToken").asString();

        Reply anonymous = gateway.get("/api/moderation/comments?status=PENDING", null);
        assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(401);
        Reply editorQueue = gateway.get("/api/moderation/comments?status=PENDING", editorToken);
        assertThat(editorQueue.status()).as("%s", editorQueue).isEqualTo(403);
        Reply adminQueue = gateway.get("/api/moderation/comments?status=PENDING", adminToken);
        assertThat(adminQueue.status()).as("%s", adminQueue).isEqualTo(200);
        assertThat(adminQueue.body()).contains(commentId);

        Reply editorApproves = gateway.post("/api/moderation/comments/" + commentId + "/approve", editorToken, null);
        assertThat(editorApproves.status()).as("%s", editorApproves).isEqualTo(403);
        assertThat(publicComments(articleId).body()).doesNotContain(commentId);

        Reply adminApproves = gateway.post("/api/moderation/comments/" + commentId + "/approve", adminToken, null);
        assertThat(adminApproves.status()).as("%s", adminApproves).isEqualTo(200);

        Reply publicList = publicComments(articleId);
        assertThat(publicList.status()).as("%s", publicList).isEqualTo(200);
        assertThat(publicList.body()).contains(commentId).contains("مریم").doesNotContain(EMAIL);
    }

    @Test
    @Order(6)
    void f_fiveReadsAndOneApprovedCommentShowUpWithinTenSeconds() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(STEP).untilAsserted(() -> {
            Reply stats = gateway.get("/api/analytics/articles/" + articleId, adminToken);
            assertThat(stats.status()).as("%s", stats).isEqualTo(200);
            assertThat(stats.json().path("views").asLong()).as("%s", stats).isEqualTo(5);
            assertThat(stats.json().path("uniqueVisitors").asLong()).as("%s", stats).isEqualTo(1);
            assertThat(stats.json().path("comments").asLong()).as("%s", stats).isEqualTo(1);

            Reply article = gateway.get("/api/articles/" + segment(slug), null);
            assertThat(article.json().path("viewCount").asLong()).as("%s", article).isEqualTo(5);
            assertThat(article.json().path("commentCount").asLong()).as("%s", article).isEqualTo(1);
        });

        Reply top = gateway.get("/api/analytics/top?period=24h", adminToken);
        assertThat(top.status()).as("%s", top).isEqualTo(200);
        assertThat(top.body()).contains(articleId).contains(TITLE);

        Reply page = gateway.get("/articles/" + segment(slug), null); // a 6th read; the page shows the count before it
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.body()).contains("۵ بازدید"); // "5 views", in Persian digits
    }

    @Test
    @Order(7)
    void g_publishingDuringABrokerOutageIsDeliveredWhenTheBrokerReturns() {
        stack.stopKafka();
        String secondId;
        try {
            Reply created = createArticle("خبر دوم در زمان قطعی کافکا");
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            secondId = created.json().path("id").asString();
            Reply published = publish(secondId);
            assertThat(published.status()).as("%s", published).isEqualTo(200);
            assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");

            // While the broker is away the event waits in the article's outbox: comment-service has not heard of it.
            String path = "/api/articles/" + secondId + "/comments";
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> gateway.post(path, null, Map.of("authorName", "علی", "authorEmail", "ali@example.com",
                            "body", "در زمان قطعی")).status() == 404);
        } finally {
            stack.startKafka();
        }

        Map<String, Object> comment = Map.of("authorName", "علی", "authorEmail", "ali@example.com",
                "body", "پس از بازگشت کافکا");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Reply reply = gateway.post("/api/articles/" + secondId + "/comments", null, comment);
            assertThat(reply.status()).as("ArticlePublished arrived after the outage: %s", reply).isEqualTo(202);
        });
    }

    @Test
    @Order(8)
    void h_aRestartKeepsThePublishedArticle() {
        stack.stop();
        stack = new Stack(config).start();
        gateway = new GatewayClient(stack.gatewayUrl());

        Reply article = gateway.get("/api/articles/" + segment(slug), null);
        assertThat(article.status()).as("%s", article).isEqualTo(200);
        assertThat(article.json().path("id").asString()).isEqualTo(articleId);
        Reply page = gateway.get("/articles/" + segment(slug), null);
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.body()).contains(TITLE);
        assertThat(login(ADMIN, ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    @Order(9)
    void i_signingOutEndsTheTokenAtTheServicesThemselvesWithinSeconds() {
        GatewayClient articles = new GatewayClient(URI.create("http://" + config.host() + ":" + config.articlePort()));
        GatewayClient comments = new GatewayClient(URI.create("http://" + config.host() + ":" + config.commentPort()));
        JsonNode laptop = login(EDITOR, EDITOR_PASSWORD).json();
        String signedOut = laptop.path("accessToken").asString();
        String otherSession = login(EDITOR, EDITOR_PASSWORD).json().path("accessToken").asString();
        String admin = login(ADMIN, ADMIN_PASSWORD).json().path("accessToken").asString();
        assertThat(articles.get("/api/editor/articles", signedOut).status()).isEqualTo(200);
        assertThat(comments.get("/api/moderation/comments?status=PENDING", signedOut).status())
                .as("an editor is no moderator").isEqualTo(403);

        Reply logout = gateway.post("/api/auth/logout", null,
                Map.of("refreshToken", laptop.path("refreshToken").asString()));
        assertThat(logout.status()).as("%s", logout).isEqualTo(204);

        // Each service port, called directly: the gateway's event reached every service.
        await().atMost(Duration.ofSeconds(15)).pollInterval(STEP).untilAsserted(() -> {
            Reply refused = articles.get("/api/editor/articles", signedOut);
            assertThat(refused.status()).as("%s", refused).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(comments.get("/api/moderation/comments?status=PENDING", signedOut).status()).isEqualTo(401);
        });
        assertThat(gateway.get("/api/admin/staff", signedOut).status()).isEqualTo(401);
        assertThat(articles.get("/api/editor/articles", otherSession).status()).as("the editor's other session")
                .isEqualTo(200);
        assertThat(comments.get("/api/moderation/comments?status=PENDING", admin).status()).isEqualTo(200);
    }

    private Reply login(String username, String password) {
        return gateway.post("/api/auth/login", null, Map.of("username", username, "password", password));
    }

    private Reply createArticle(String title) {
        return gateway.post("/api/articles", adminToken,
                Map.of("title", title, "body", BODY, "tags", List.of("فناوری"), "source", "ایسنا"));
    }

    private Reply publish(String id) {
        return gateway.post("/api/articles/" + id + "/publish", adminToken, null);
    }

    private Reply publicComments(String id) {
        return gateway.get("/api/articles/" + id + "/comments", null);
    }
}
