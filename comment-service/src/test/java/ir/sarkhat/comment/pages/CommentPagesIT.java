package ir.sarkhat.comment.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;


import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.HeadlessChromium;
import ir.sarkhat.kit.test.LoginStub;
import ir.sarkhat.kit.test.StaffSignInFlow;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The comment widget and the moderation console in a real headless Chromium, against the real
 * comment service (embedded Kafka, in-memory MongoDB-protocol store). The gateway's login is
 * stubbed by a tiny HTTP server that hands out test staff tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sarkhat.comments.identity-salt=test-salt",
        "sarkhat.outbox.poll-interval=200ms",
        // The browser always posts from 127.0.0.1: tests that post are kept apart by the console test (order below).
        "sarkhat.comments.flood-interval=5s" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class CommentPagesIT {

    static final String MODERATOR = "moderator1";
    static final String PASSWORD = "secret-test-password";
    static final Duration WAIT = Duration.ofSeconds(15);
    static final Path SCREENSHOTS = Path.of("target");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger READERS = new AtomicInteger();
    static final String EDITOR = "editor-not-moderator";
    /** The gateway's stand-in for the console: the real shared sign-in page, test tokens, the rest forwarded here. */
    private static final LoginStub GATEWAY = LoginStub.start(MODERATOR, PASSWORD, "MODERATOR")
            .account(EDITOR, PASSWORD, "EDITOR");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-comments-pages"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    ChromeDriver browser;
    WebDriverWait wait;

    /** Opens a page in a fresh browser (started only by the tests that need one). */
    private void open(String path) {
        if (browser == null) {
            browser = HeadlessChromium.start();
            wait = new WebDriverWait(browser, WAIT);
        }
        browser.get(url(path));
    }

    /** Opens a staff page at the stand-in gateway without a token: it lands on the sign-in page with its address. */
    private StaffSignInFlow openSignedOut() {
        GATEWAY.forwardTo(port);
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, WAIT);
        StaffSignInFlow flow = new StaffSignInFlow(browser, wait, GATEWAY);
        flow.openSignedOut("/moderation", "میز بررسی دیدگاه‌ها");
        return flow;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void widgetShowsTheThreadAndTakesAReply() throws IOException {
        String articleId = publishArticle();
        String first = approved(articleId, "مریم", "نخستین دیدگاه درباره این خبر", null);
        String reply = approved(articleId, "علی", "پاسخ علی به مریم", first);
        String second = approved(articleId, "سارا", "دیدگاه دوم سارا", null);

        open("/comments/test-article/" + articleId);
        WebElement firstComment = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-" + first)));

        // The widget replaced the server-rendered list, and shows the thread: Ali's reply under Maryam's comment.
        assertThat(browser.findElement(By.id("comments")).getText()).doesNotContain(ArticlePageStub.SERVER_RENDERED);
        assertThat(firstComment.findElements(By.cssSelector(".sc-replies #comment-" + reply))).hasSize(1);
        assertThat(text(".sc-count")).isEqualTo("۳ دیدگاه");
        assertThat(firstComment.findElement(By.cssSelector(".sc-author")).getText()).isEqualTo("مریم");
        assertThat(firstComment.findElement(By.cssSelector(".sc-body")).getText()).isEqualTo("نخستین دیدگاه درباره این خبر");
        String date = firstComment.findElement(By.cssSelector(".sc-date")).getText();
        assertThat(date).matches(".*[۰-۹]{4}.*").doesNotContainPattern("[0-9]").containsPattern(
                "فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند");
        assertThat(browser.findElement(By.className("sc-widget")).getCssValue("direction")).isEqualTo("rtl");
        assertThat(topLevelIds()).containsExactly(first, second);

        browser.findElement(By.className("sc-order-newest")).click();
        wait.until(d -> topLevelIds().equals(List.of(second, first)));
        browser.findElement(By.className("sc-order-oldest")).click();
        wait.until(d -> topLevelIds().equals(List.of(first, second)));

        // The form: required marks, the privacy sentence, a honeypot no person can see or reach.
        assertThat(text(".sc-note")).contains("نشانی ایمیل شما منتشر نخواهد شد.");
        assertThat(browser.findElements(By.cssSelector(".sc-field label .sc-req"))).hasSize(3);
        WebElement trap = browser.findElement(By.name("website"));
        assertThat(trap.getAttribute("tabindex")).isEqualTo("-1");
        assertThat(trap.getAttribute("autocomplete")).isEqualTo("off");
        assertThat(trap.findElement(By.xpath("..")).getAttribute("aria-hidden")).isEqualTo("true");
        long viewport = (Long) browser.executeScript("return window.innerWidth");
        assertThat(trap.getRect().getX() >= viewport || trap.getRect().getX() + trap.getRect().getWidth() <= 0)
                .as("honeypot off-screen").isTrue();

        // Reply to Sara: the form moves under her comment; a bad email is refused next to the field, in Persian.
        WebElement secondComment = browser.findElement(By.id("comment-" + second));
        secondComment.findElement(By.className("sc-reply")).click();
        assertThat(secondComment.findElements(By.cssSelector("form.sc-form"))).hasSize(1);
        assertThat(text(".sc-reply-note")).contains("در پاسخ به سارا");
        browser.findElement(By.id("sc-body")).sendKeys("پاسخ من به سارا");
        browser.findElement(By.id("sc-authorName")).sendKeys("رضا");
        browser.findElement(By.id("sc-authorEmail")).sendKeys("reza@");
        browser.findElement(By.className("sc-submit")).click();
        wait.until(d -> !text("#sc-authorEmail-error").isEmpty());
        assertThat(text("#sc-authorEmail-error")).startsWith("نشانی ایمیل درست نیست");
        assertThat(browser.findElement(By.id("sc-authorEmail")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(text(".sc-form-status")).isEqualTo("لطفاً خطاهای فرم را برطرف کنید.");
        takeScreenshot("widget-form-error.png");

        WebElement email = browser.findElement(By.id("sc-authorEmail"));
        email.clear();
        email.sendKeys("reza" + READERS.incrementAndGet() + "@example.ir");
        browser.findElement(By.className("sc-submit")).click();
        wait.until(d -> text(".sc-form-status").equals("دیدگاه شما پس از بررسی منتشر می‌شود."));
        assertThat(text("#sc-authorEmail-error")).isEmpty();

        // Once a moderator approves it, it appears under Sara's comment.
        JsonNode pending = awaitQueued(articleId, "پاسخ من به سارا");
        assertThat(pending.path("parentId").asString()).isEqualTo(second);
        moderate(pending.get("id").asString(), "approve");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#comment-" + second + " .sc-replies #comment-" + pending.get("id").asString())));
        assertThat(text(".sc-count")).isEqualTo("۴ دیدگاه");
        browser.executeScript("document.getElementById('comments').scrollIntoView()");
        takeScreenshot("widget.png");
    }

    @Test
    @Order(4)
    void widgetPagesByTopLevelCommentAndExplainsRefusalsInPersian() {
        String articleId = publishArticle();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            ids.add(approved(articleId, "خواننده " + i, "دیدگاه شماره " + i, null));
        }

        open("/comments/test-article/" + articleId);
        wait.until(d -> topLevelIds().size() == 20);
        assertThat(text(".sc-count")).isEqualTo("۲۱ دیدگاه");
        assertThat(topLevelIds()).isEqualTo(ids.subList(0, 20));
        WebElement more = browser.findElement(By.className("sc-more"));
        assertThat(more.getText()).isEqualTo("نمایش دیدگاه‌های بیشتر");
        more.click();
        wait.until(d -> topLevelIds().size() == 21);
        assertThat(topLevelIds()).isEqualTo(ids);
        assertThat(more.isDisplayed()).isFalse();

        // Sent once: pending. The same again: duplicate. Another one right away: too soon, with the wait in Persian digits.
        browser.findElement(By.id("sc-body")).sendKeys("یک دیدگاه تازه");
        browser.findElement(By.id("sc-authorName")).sendKeys("پریسا");
        browser.findElement(By.id("sc-authorEmail")).sendKeys("parisa" + READERS.incrementAndGet() + "@example.ir");
        browser.findElement(By.className("sc-submit")).click();
        wait.until(d -> text(".sc-form-status").equals("دیدگاه شما پس از بررسی منتشر می‌شود."));
        assertThat(browser.findElement(By.id("sc-body")).getAttribute("value")).isEmpty();
        browser.findElement(By.id("sc-body")).sendKeys("یک دیدگاه تازه");
        browser.findElement(By.className("sc-submit")).click();
        wait.until(d -> text(".sc-form-status").equals("این دیدگاه را پیش‌تر فرستاده‌اید."));
        browser.findElement(By.id("sc-body")).sendKeys(" و یک جملهٔ دیگر");
        browser.findElement(By.className("sc-submit")).click();
        wait.until(d -> text(".sc-form-status").startsWith("کمی آهسته‌تر"));
        assertThat(text(".sc-form-status")).matches("کمی آهسته‌تر: [۰-۹]+ ثانیهٔ دیگر دوباره بفرستید.");

        // The article is unpublished: comments close, and the reader is told so.
        ObjectNode unpublished = (ObjectNode) JSON.readTree(
                EventContracts.examples("article-unpublished.v1.schema.json").get(0));
        unpublished.put("articleId", articleId);
        KafkaProbe.sendCloudEvent(kafka.getBootstrapServers().get(0), "article-events", articleId,
                "sarkhat.article.unpublished.v1", JSON.writeValueAsString(unpublished));
        await().atMost(WAIT).until(() -> send(HttpRequest.newBuilder(URI.create(url("/api/articles/" + articleId + "/comments")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"authorName\":\"x\",\"authorEmail\":\"x@example.ir\",\"body\":\"x\"}"))
                .build()).statusCode() == 403);
        browser.findElement(By.className("sc-submit")).click();
        wait.until(d -> text(".sc-form-status").equals("دیدگاه‌ها برای این خبر بسته شده است."));

        // When the list cannot be loaded, the server-rendered comments stay and the form is still offered.
        open("/comments/test-article/no-such-article");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#comments form.sc-form")));
        assertThat(text("#comments")).contains(ArticlePageStub.SERVER_RENDERED);
    }

    @Test
    @Order(3)
    void moderatorSignsInAndWorksTheQueueWithKeysAndBulkActions() throws IOException {
        String articleId = publishArticle();
        List<String> older = new java.util.ArrayList<>();
        for (int i = 1; i <= 18; i++) {
            older.add(submitted(articleId, "خواننده " + i, "دیدگاه معمولی " + i, null));
        }
        String junk1 = submitted(articleId, "ربات", "تبلیغ یک", null);
        String junk2 = submitted(articleId, "ربات دو", "تبلیغ دو", null);
        String held = submitted(articleId, "نیما", "لطفاً این دیدگاه را بررسی کنید", null);

        StaffSignInFlow flow = openSignedOut();
        signIn(MODERATOR, "wrong");
        wait.until(d -> text("#sign-in-error").equals("نام کاربری یا گذرواژه درست نیست."));
        flow.signInAndReturn("/moderation", MODERATOR, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
        assertThat(text("#who-name")).isEqualTo("ناظر: " + MODERATOR);
        assertThat(text(".help")).contains("میان‌برهای صفحه‌کلید").contains("تأیید").contains("هرزنامه");

        // Only this article's comments, newest first; each row shows who, where from, on what, when, and why it is held.
        browser.findElement(By.id("filter-article")).sendKeys(articleId);
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(row(held)));
        wait.until(d -> rowIds().size() == 20);
        assertThat(rowIds().subList(0, 3)).containsExactly(held, junk2, junk1);
        assertThat(row.findElement(By.className("author")).getText()).isEqualTo("نیما");
        assertThat(row.findElement(By.className("email")).getText()).endsWith("@example.ir");
        assertThat(row.findElement(By.className("ip")).getText()).matches("198\\.51\\.100\\.0/24");
        assertThat(row.findElement(By.className("article")).getText()).isEqualTo("پنجره واحد دولت هوشمند راه‌اندازی شد");
        assertThat(row.findElement(By.className("date")).getText()).containsPattern("[۰-۹]").doesNotContainPattern("[0-9]");
        assertThat(row.findElement(By.className("text")).getText()).isEqualTo("لطفاً این دیدگاه را بررسی کنید");
        assertThat(row.findElements(By.cssSelector(".held .reason"))).isNotEmpty();
        assertThat(row.findElement(By.cssSelector(".held .reason")).getText()).isNotBlank();
        wait.until(d -> tab("PENDING").getText().contains("(۲۱)"));
        takeScreenshot("moderation-console.png");
        browser.findElement(By.id("more")).click();
        wait.until(d -> rowIds().size() == 21);
        assertThat(rowIds().get(20)).isEqualTo(older.get(0));
        assertThat(browser.findElement(By.id("more")).isDisplayed()).isFalse();

        // j/k move the selection; "a" approves the selected comment: it leaves PENDING and shows up in APPROVED.
        browser.findElement(By.cssSelector(".row[data-comment-id='" + held + "'] .main .text")).click();
        assertThat(currentRowId()).isEqualTo(held);
        new Actions(browser).sendKeys("j").perform();
        assertThat(currentRowId()).isEqualTo(junk2);
        new Actions(browser).sendKeys("k").perform();
        assertThat(currentRowId()).isEqualTo(held);
        new Actions(browser).sendKeys("a").perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row(held)));
        assertThat(text("#message")).contains("تأیید شد");
        tab("APPROVED").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(row(held)));
        assertThat(moderationStatus(held)).isEqualTo("APPROVED");

        // Filter by text, then bulk: tick both junk comments, move them to the trash at once.
        tab("PENDING").click();
        browser.findElement(By.id("filter-q")).sendKeys("تبلیغ");
        browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
        wait.until(d -> rowIds().equals(List.of(junk2, junk1)));
        browser.findElement(By.cssSelector(".row[data-comment-id='" + junk1 + "'] .pick")).click();
        browser.findElement(By.cssSelector(".row[data-comment-id='" + junk2 + "'] .main .text")).click();
        new Actions(browser).sendKeys("x").perform();
        assertThat(text("#selected-count")).isEqualTo("۲ مورد انتخاب شده");
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("trash");
        browser.findElement(By.id("bulk-apply")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row(junk1)));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row(junk2)));
        assertThat(text("#message")).isEqualTo("۲ دیدگاه به زباله‌دان رفت.");
        assertThat(moderationStatus(junk1)).isEqualTo("TRASH");
        assertThat(moderationStatus(junk2)).isEqualTo("TRASH");
        tab("TRASH").click();
        wait.until(d -> rowIds().containsAll(List.of(junk1, junk2)));

        // The audit log of a comment...
        browser.findElement(By.id("filter-q")).clear();
        tab("APPROVED").click();
        WebElement approvedRow = wait.until(ExpectedConditions.visibilityOfElementLocated(row(held)));
        approvedRow.findElement(By.className("act-audit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-table")));
        List<WebElement> entries = browser.findElements(By.cssSelector("#audit-table tbody tr"));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getText()).contains(MODERATOR).contains("در انتظار بررسی").contains("تأییدشده");

        // ...and everything this moderator did (the form is prefilled with the signed-in name).
        browser.findElement(By.cssSelector("#audit-form button")).click();
        wait.until(d -> text("#audit-caption").startsWith("کارهای " + MODERATOR));
        assertThat(text("#audit-caption")).endsWith("۳ رویداد");
        assertThat(browser.findElements(By.cssSelector("#audit-table tbody tr"))).hasSize(3);
        assertThat(text("#audit-table tbody")).contains("زباله‌دان").contains("تأییدشده");

        // u, s and t: back to the queue, then spam, then trash; an action the state does not allow is refused in Persian.
        browser.findElement(By.cssSelector(".row[data-comment-id='" + held + "'] .main .text")).click();
        new Actions(browser).sendKeys("u").perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row(held)));
        tab("PENDING").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(row(held))).findElement(By.className("text")).click();
        new Actions(browser).sendKeys("s").perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row(held)));
        tab("SPAM").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(row(held))).findElement(By.className("text")).click();
        new Actions(browser).sendKeys("a").perform();
        wait.until(d -> text("#message").equals("«تأیید» برای دیدگاهی که هرزنامه است ممکن نیست."));
        new Actions(browser).sendKeys("t").perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row(held)));
        assertThat(moderationStatus(held)).isEqualTo("TRASH");

        flow.signOut("/moderation");

        // A token that has expired in the meantime: sign in again, with a Persian explanation, and come back.
        flow.expiredTokenSendsToSignIn("/moderation", MODERATOR, "MODERATOR");
        flow.signInAndReturn("/moderation", MODERATOR, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
    }

    @Test
    @Order(5)
    void anEditorIsToldTheConsoleIsForModeratorsWithoutALoop() {
        StaffSignInFlow flow = openSignedOut();
        flow.signInAndReturn("/moderation", EDITOR, PASSWORD);
        flow.deniedWithoutLoop("/moderation", EDITOR, "نقش ناظر ندارد");
        flow.signInAndReturn("/moderation", MODERATOR, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
    }

    @Test
    @Order(2)
    void assetsAreLongCachedOnlyWithTheirCurrentHash() throws Exception {
        HttpResponse<String> plain = get("/comments/widget.js", null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
        String etag = plain.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> revalidated = HTTP.send(HttpRequest.newBuilder(URI.create(url("/comments/widget.js")))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revalidated.statusCode()).isEqualTo(304);

        String hash = etag.replace("\"", "");
        HttpResponse<String> versioned = get("/comments/widget.js?v=" + hash, null);
        assertThat(versioned.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
        assertThat(get("/comments/widget.css", null).headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));

        HttpResponse<String> console = get("/moderation", null);
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("src=\"/staff-assets/session.js\"").doesNotContain("type=\"password\"")
                .containsPattern("/comments/console\\.js\\?v=[0-9a-f]{12}").doesNotContain("<script>");
        assertThat(console.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(get("/comments/nothing-here.js", null).statusCode()).isEqualTo(404);
    }

    // ---- helpers ----

    private void signIn(String username, String password) {
        HeadlessChromium.signIn(browser, username, password);
    }

    private WebElement tab(String status) {
        return browser.findElement(By.cssSelector(".tabs button[data-status='" + status + "']"));
    }

    private static By row(String commentId) {
        return By.cssSelector("#queue .row[data-comment-id='" + commentId + "']");
    }

    private List<String> rowIds() {
        return idsOf("#queue .row");
    }

    private String currentRowId() {
        return browser.findElement(By.cssSelector("#queue .row.current")).getAttribute("data-comment-id");
    }

    private List<String> topLevelIds() {
        return idsOf(".sc-list > .sc-comment");
    }

    /** Read in one script call, so a list being re-rendered cannot leave stale elements behind. */
    @SuppressWarnings("unchecked")
    private List<String> idsOf(String css) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => e.getAttribute('data-comment-id'))", css);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void takeScreenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** A published article, arriving by event as in production (the contract's example with a fresh id). */
    private String publishArticle() {
        ObjectNode article = (ObjectNode) JSON.readTree(EventContracts.examples("article-published.v1.schema.json").get(0));
        String articleId = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        article.put("articleId", articleId);
        KafkaProbe.sendCloudEvent(kafka.getBootstrapServers().get(0), "article-events", articleId,
                "sarkhat.article.published.v1", JSON.writeValueAsString(article));
        await().atMost(WAIT).until(() -> get("/api/articles/" + articleId + "/comments", null).statusCode() == 200);
        return articleId;
    }

    /** A reader's comment as the API takes it; each from its own address and IP, so no flood rule trips. */
    private String submitted(String articleId, String name, String body, String parentId) {
        int reader = READERS.incrementAndGet();
        ObjectNode comment = JSON.createObjectNode().put("authorName", name)
                .put("authorEmail", "reader" + reader + "@example.ir").put("body", body);
        if (parentId != null) {
            comment.put("parentId", parentId);
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/articles/" + articleId + "/comments")))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.51.100." + (reader % 250 + 1))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(comment))).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private String approved(String articleId, String name, String body, String parentId) {
        String id = submitted(articleId, name, body, parentId);
        moderate(id, "approve");
        return id;
    }

    private void moderate(String commentId, String action) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(url("/api/moderation/comments/" + commentId + "/" + action)))
                .header("Authorization", TestTokens.bearer("seeder", "MODERATOR"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private String moderationStatus(String commentId) {
        for (String status : List.of("PENDING", "APPROVED", "SPAM", "TRASH")) {
            JsonNode queue = JSON.readTree(get("/api/moderation/comments?limit=100&status=" + status,
                    TestTokens.bearer("seeder", "MODERATOR")).body());
            for (JsonNode item : queue.get("items")) {
                if (item.get("id").asString().equals(commentId)) {
                    return status;
                }
            }
        }
        return "NONE";
    }

    private JsonNode awaitQueued(String articleId, String body) {
        return await().atMost(WAIT).until(() -> {
            JsonNode queue = JSON.readTree(get("/api/moderation/comments?status=PENDING&articleId=" + articleId,
                    TestTokens.bearer("seeder", "MODERATOR")).body());
            for (JsonNode item : queue.get("items")) {
                if (body.equals(item.path("body").asString())) {
                    return item;
                }
            }
            return null;
        }, item -> item != null);
    }

    private HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
