package ir.sarkhat.article.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;


import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.HeadlessChromium;
import ir.sarkhat.kit.test.LoginStub;
import ir.sarkhat.kit.test.StaffSignInFlow;
import ir.sarkhat.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor desk: its listing and preview endpoints over HTTP, and the page in a real headless
 * Chromium against the real service, behind {@link LoginStub} standing in for the gateway (the real
 * shared sign-in page, test staff tokens), so the page's round trip through /login is the real one. Its own database, so other test contexts' articles do not show up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=sarkhat-articles-editor")
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class EditorPagesIT {

    static final String EDITOR = "editor-desk";
    static final String PASSWORD = "secret-test-password";
    static final Duration WAIT = Duration.ofSeconds(15);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String MODERATOR = "moderator-desk";
    private static final LoginStub GATEWAY = LoginStub.start(EDITOR, PASSWORD, "EDITOR")
            .account(MODERATOR, PASSWORD, "MODERATOR");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-articles-editor"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @LocalServerPort
    int port;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void behindTheGateway() {
        GATEWAY.forwardTo(port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void listingAndPreviewNeedAnEditor() {
        assertThat(send("GET", "/api/editor/articles", null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/editor/preview", "{\"body\":\"# x\"}", null).statusCode()).isEqualTo(401);
        String moderator = TestTokens.bearer("mod", "MODERATOR");
        assertThat(send("GET", "/api/editor/articles", null, moderator).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/editor/preview", "{\"body\":\"# x\"}", moderator).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/editor/articles", null, TestTokens.bearer("boss", "ADMIN")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void listingFiltersByStateAndAuthorNewestChangeFirstAndPages() {
        String author = "writer-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.bearer(author, "EDITOR");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(create(token, "پیش‌نویس شماره " + i));
        }
        String published = create(token, "خبر منتشرشده");
        assertThat(send("POST", "/api/articles/" + published + "/publish", null, token).statusCode()).isEqualTo(200);
        String someoneElses = create(TestTokens.bearer("other-" + author, "EDITOR"), "پیش‌نویس دیگری");

        JsonNode drafts = list("?status=DRAFT&mine=true", token);
        assertThat(idsOf(drafts)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        JsonNode row = drafts.get("items").get(0);
        assertThat(row.get("title").asString()).isEqualTo("پیش‌نویس شماره 3");
        assertThat(row.get("status").asString()).isEqualTo("DRAFT");
        assertThat(row.get("author").asString()).isEqualTo(author);
        assertThat(row.get("slug").asString()).isNotBlank();
        assertThat(row.get("updatedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(row.has("publishAt")).isTrue();
        assertThat(row.has("body")).as("rows are light").isFalse();

        assertThat(idsOf(list("?status=PUBLISHED&author=" + author, token))).containsExactly(published);
        assertThat(idsOf(list("?status=all&mine=true", token))).containsExactly(published, ids.get(2), ids.get(1), ids.get(0));
        assertThat(idsOf(list("?status=DRAFT&author=other-" + author, token))).containsExactly(someoneElses);

        JsonNode first = list("?status=ALL&mine=true&limit=3", token);
        assertThat(idsOf(first)).containsExactly(published, ids.get(2), ids.get(1));
        JsonNode second = list("?status=ALL&mine=true&limit=3&cursor=" + first.get("nextCursor").asString(), token);
        assertThat(idsOf(second)).containsExactly(ids.get(0));
        assertThat(second.get("nextCursor").isNull()).isTrue();

        assertProblem(send("GET", "/api/editor/articles?status=LOST", null, token), "status");
        assertProblem(send("GET", "/api/editor/articles?limit=0", null, token), "limit");
        assertProblem(send("GET", "/api/editor/articles?cursor=bm9uc2Vuc2U", null, token), "cursor");
    }

    @Test
    void previewRendersLikeTheSaveAndStripsScripts() {
        String token = TestTokens.bearer(EDITOR, "EDITOR");
        String markdown = "## تیتر دوم\n\nمتن [پیوند](javascript:alert(1)) و <script>alert(2)</script> "
                + "<a href=\"https://sarkhat.ir\" onclick=\"steal()\">امن</a>";
        HttpResponse<String> response = send("POST", "/api/editor/preview",
                JSON.writeValueAsString(JSON.createObjectNode().put("body", markdown).put("unknown", 1)), token);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode preview = JSON.readTree(response.body());
        String html = preview.get("bodyHtml").asString();
        assertThat(html).contains("<h2>تیتر دوم</h2>").contains("https://sarkhat.ir")
                .doesNotContain("<script").doesNotContain("javascript:").doesNotContain("onclick");
        assertThat(preview.get("readingTimeMinutes").asInt()).isEqualTo(1);

        // What the preview shows is what the save stores.
        String id = JSON.readTree(send("POST", "/api/articles",
                JSON.writeValueAsString(JSON.createObjectNode().put("title", "آزمون پیش‌نمایش").put("body", markdown)), token)
                .body()).get("id").asString();
        JsonNode saved = JSON.readTree(send("GET", "/api/articles/id/" + id, null, token).body());
        assertThat(saved.get("bodyHtml").asString()).isEqualTo(html);

        assertThat(send("POST", "/api/editor/preview", "{}", token).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/editor/preview", "not json", token).statusCode()).isEqualTo(400);
    }

    @Test
    void pageShellIsPublicWithHashedAssetsAndNoInlineCode() {
        HttpResponse<String> page = send("GET", "/editor", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dir=\"rtl\"")
                .contains("src=\"/staff-assets/session.js\"").contains("href=\"/staff-assets/staff.css\"")
                .doesNotContain("type=\"password\"")
                .containsPattern("/editor/editor-[0-9a-f]{32}\\.js").containsPattern("/editor/editor-[0-9a-f]{32}\\.css")
                .doesNotContain("<script>").doesNotContain("style=");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        String script = page.body().replaceAll("(?s).*src=\"(/editor/editor-[0-9a-f]{32}\\.js)\".*", "$1");
        HttpResponse<String> asset = send("GET", script, null, null);
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000"));
        assertThat(send("POST", "/editor", "{}", null).statusCode()).isIn(401, 403);
    }

    @Test
    void anEditorWritesPreviewsSavesPublishesAndRestoresARevision() throws IOException {
        StaffSignInFlow flow = openSignedOut();
        HeadlessChromium.signIn(browser, EDITOR, "wrong");
        wait.until(d -> text("#sign-in-error").equals("نام کاربری یا گذرواژه درست نیست."));
        flow.signInAndReturn("/editor", EDITOR, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-view")));
        assertThat(text("#who-name")).isEqualTo("دبیر: " + EDITOR);

        // A new article: the preview renders the Markdown heading, right to left.
        browser.findElement(By.id("new-article")).click();
        String title = "گزارش میز تحریریه " + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.id("f-title")).sendKeys(title);
        browser.findElement(By.id("f-body")).sendKeys("# تیتر پیش‌نمایش\n\nمتن نخستین این گزارش.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#preview h1"), "تیتر پیش‌نمایش"));
        assertThat(browser.findElement(By.id("preview")).getCssValue("direction")).isEqualTo("rtl");
        assertThat(text("#reading-time")).isEqualTo("(زمان مطالعه: ۱ دقیقه)");

        // Saving without a title names the field, in Persian.
        browser.findElement(By.id("f-title")).clear();
        browser.findElement(By.id("save")).click();
        wait.until(d -> !text("#title-error").isEmpty());
        assertThat(text("#title-error")).startsWith("عنوان را بنویسید");
        browser.findElement(By.id("f-title")).sendKeys(title);
        browser.findElement(By.id("save")).click();
        wait.until(d -> text("#message").equals("ذخیره شد."));
        assertThat(text("#title-error")).isEmpty();
        assertThat(text("#state")).isEqualTo("پیش‌نویس");

        // The schedule input echoes the chosen time in Jalali with Persian digits.
        browser.executeScript("var i = document.getElementById('f-publish-at'); i.value = '2030-03-21T09:30';"
                + "i.dispatchEvent(new Event('input'));");
        assertThat(text("#schedule-when")).contains("۱۴۰۹").contains("فروردین").doesNotContainPattern("[0-9]");

        // A second save, then the draft is in the drafts tab.
        WebElement body = browser.findElement(By.id("f-body"));
        body.sendKeys("\n\nبند دوم افزوده شد.");
        WebElement titleField = browser.findElement(By.id("f-title"));
        titleField.clear();
        titleField.sendKeys(title + " (ویرایش)");
        browser.findElement(By.id("save")).click();
        wait.until(d -> text("#state").equals("پیش‌نویس") && text("#message").equals("ذخیره شد.")
                && browser.findElement(By.id("f-slug")).getAttribute("value").length() > 0);
        browser.findElement(By.id("back")).click();
        tab("DRAFT").click();
        wait.until(d -> titles().contains(title + " (ویرایش)"));
        assertThat(text("#list .row .date")).doesNotContainPattern("[0-9]");

        // Publish: it leaves the drafts and shows under published.
        // The list may re-render under us (a refresh after the tab switch): look again if a row goes stale.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement row = d.findElements(By.cssSelector("#list .row .title")).stream()
                    .filter(e -> e.getText().equals(title + " (ویرایش)")).findFirst().orElse(null);
            if (row != null) {
                row.click();
            }
            return row != null;
        });
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-view")));
        wait.until(d -> browser.findElement(By.id("f-title")).getAttribute("value").equals(title + " (ویرایش)"));
        // The excerpt derived from the body is a hint, not a value a save would freeze.
        assertThat(browser.findElement(By.id("f-excerpt")).getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("f-excerpt")).getAttribute("placeholder")).startsWith("تیتر پیش‌نمایش");
        browser.findElement(By.id("publish")).click();
        wait.until(d -> text("#message").equals("منتشر شد."));
        assertThat(text("#state")).startsWith("منتشرشده");
        assertThat(browser.findElement(By.id("unpublish")).isDisplayed()).isTrue();
        browser.findElement(By.id("back")).click();
        tab("DRAFT").click();
        wait.until(d -> !titles().contains(title + " (ویرایش)"));
        tab("PUBLISHED").click();
        wait.until(d -> titles().contains(title + " (ویرایش)"));

        // Revisions: the first save comes back, as a new save of the published article.
        // The list may re-render under us (a refresh after the tab switch): look again if a row goes stale.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement row = d.findElements(By.cssSelector("#list .row .title")).stream()
                    .filter(e -> e.getText().equals(title + " (ویرایش)")).findFirst().orElse(null);
            if (row != null) {
                row.click();
            }
            return row != null;
        });
        wait.until(d -> browser.findElement(By.id("f-title")).getAttribute("value").equals(title + " (ویرایش)"));
        browser.findElement(By.id("show-revisions")).click();
        wait.until(d -> browser.findElements(By.cssSelector("#revisions .revision")).size() >= 2);
        WebElement first = browser.findElements(By.cssSelector("#revisions .revision")).stream()
                .filter(r -> r.findElement(By.className("title")).getText().equals(title)).findFirst().orElseThrow();
        assertThat(first.findElement(By.className("number")).getText()).matches("نسخهٔ [۰-۹]+");
        assertThat(first.findElement(By.className("date")).getText()).doesNotContainPattern("[0-9]")
                .containsPattern("[۰-۹]");
        browser.executeScript("document.getElementById('revisions').scrollIntoView()");
        takeScreenshot("editor-revisions.png");
        first.findElement(By.className("restore")).click();
        wait.until(d -> text("#message").matches("نسخهٔ [۰-۹]+ بازگردانده شد."));
        assertThat(browser.findElement(By.id("f-title")).getAttribute("value")).isEqualTo(title);
        assertThat(browser.findElement(By.id("f-body")).getAttribute("value")).doesNotContain("بند دوم");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#preview h1"), "تیتر پیش‌نمایش"));
        assertThat(text("#state")).startsWith("منتشرشده");

        // Someone else saves meanwhile: our stale save is refused and a reload is offered.
        String id = JSON.readTree(send("GET", "/api/editor/articles?status=PUBLISHED&mine=true", null,
                TestTokens.bearer(EDITOR, "EDITOR")).body()).get("items").get(0).get("id").asString();
        assertThat(send("POST", "/api/articles/" + id + "/unpublish", null, TestTokens.bearer("other", "EDITOR"))
                .statusCode()).isEqualTo(200);
        browser.findElement(By.id("save")).click();
        wait.until(d -> text("#message").startsWith("این نوشته در این فاصله تغییر کرده است"));
        browser.findElement(By.id("reload")).click();
        wait.until(d -> text("#state").startsWith("از انتشار خارج‌شده"));
        browser.executeScript("window.scrollTo(0, 0)");
        takeScreenshot("editor.png");

        flow.signOut("/editor");
    }

    @Test
    void aModeratorIsToldTheDeskIsForEditorsWithoutALoopAndAnExpiredTokenSignsInAgain() {
        StaffSignInFlow flow = openSignedOut();
        flow.signInAndReturn("/editor", MODERATOR, PASSWORD);
        flow.deniedWithoutLoop("/editor", MODERATOR, "نقش دبیر ندارد");
        flow.signInAndReturn("/editor", EDITOR, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-view")));

        // A token the API no longer takes: back to the sign-in page, and from there back to the desk.
        flow.expiredTokenSendsToSignIn("/editor", EDITOR, "EDITOR");
        flow.signInAndReturn("/editor", EDITOR, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-view")));
    }

    // ---- helpers ----

    private String create(String token, String title) {
        HttpResponse<String> response = send("POST", "/api/articles", JSON.writeValueAsString(
                JSON.createObjectNode().put("title", title).put("body", "متن " + title)), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private JsonNode list(String query, String token) {
        HttpResponse<String> response = send("GET", "/api/editor/articles" + query, null, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> idsOf(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("detail").asString()).startsWith(field + ":");
    }

    /** Opens the desk at the stand-in gateway without a token: it lands on the sign-in page with its address. */
    private StaffSignInFlow openSignedOut() {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, WAIT);
        StaffSignInFlow flow = new StaffSignInFlow(browser, wait, GATEWAY);
        flow.openSignedOut("/editor", "میز تحریریه");
        return flow;
    }

    private WebElement tab(String status) {
        return browser.findElement(By.cssSelector(".tabs button[data-status='" + status + "']"));
    }

    @SuppressWarnings("unchecked")
    private List<String> titles() {
        return (List<String>) browser.executeScript(
                "return Array.from(document.querySelectorAll('#list .row .title')).map(e => e.textContent)");
    }

    /** The list re-renders after a tab switch; an element read mid-render goes stale, so read it again. */
    private String text(String css) {
        return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    private void takeScreenshot(String name) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", name), browser.getScreenshotAs(OutputType.BYTES));
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
