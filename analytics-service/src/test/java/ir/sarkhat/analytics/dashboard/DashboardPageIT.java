package ir.sarkhat.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.HeadlessChromium;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.LoginStub;
import ir.sarkhat.kit.test.StaffSignInFlow;
import ir.sarkhat.kit.test.TestTokens;

/**
 * The dashboard in a real headless Chromium against the real service, behind {@link LoginStub} standing in for the
 * gateway (its real shared sign-in page, test tokens): a visit without a token lands on the sign-in page and comes
 * back signed in; an editor sees the article's views, visitors and comments, the chart with Jalali labels, sources,
 * devices and current readers, in Persian digits, right to left; a moderator is told the page is not theirs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sarkhat.analytics.realtime-push=1s")
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class DashboardPageIT {

    static final String EDITOR = "dabir";
    static final String MODERATOR = "nazer";
    static final String PASSWORD = "secret-test-password";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final LoginStub GATEWAY = LoginStub.start(EDITOR, PASSWORD, "EDITOR")
            .account(MODERATOR, PASSWORD, "MODERATOR");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-analytics-dashboard"));
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
    void thePageIsAShellWithAStrictPolicyAndNoSignInOfItsOwn() throws Exception {
        HttpResponse<String> page = get("/analytics", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dir=\"rtl\"").contains("src=\"/staff-assets/session.js\"")
                .contains("href=\"/staff-assets/staff.css\"").doesNotContain("<script>").doesNotContain("password");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "connect-src 'self';").doesNotContain("unsafe-inline"));
    }

    @Test
    void anEditorSignsInAtTheGatewaySeesTheNumbersInPersianWithJalaliDatesAndCurrentReadersAndSignsOut() {
        String articleId = new org.bson.types.ObjectId().toHexString();
        String title = "خبر داشبورد " + UUID.randomUUID().toString().substring(0, 6);
        KafkaProbe.sendCloudEvent(bootstrap(), "article-events", articleId, "sarkhat.article.published.v1",
                "{\"articleId\":\"" + articleId + "\",\"title\":\"" + title + "\",\"slug\":\"dashboard-news\","
                        + "\"publishedAt\":\"2023-04-09T11:00:00Z\"}");
        for (int i = 0; i < 12; i++) {
            String visitor = String.format("%032x", i % 3);
            String id = UUID.randomUUID().toString();
            KafkaProbe.sendCloudEvent(bootstrap(), "page-views", articleId, "sarkhat.page.viewed.v1",
                    "{\"pageviewId\":\"" + id + "\",\"articleId\":\"" + articleId + "\",\"viewedAt\":\""
                            + Instant.now().minusSeconds(30 + i) + "\",\"path\":\"/articles/dashboard-news\",\"visitorKey\":\""
                            + visitor + "\",\"referrer\":\"https://www.google.com/\",\"device\":\"Mobile\"}", id);
        }
        // The views and the title come on two topics, read by two consumers: the page loads its top list once, so
        // it must not open before the title is there too (else it lists the article under its id, and stays so).
        // untilAsserted: a timeout shows the last answer
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/api/analytics/articles/" + articleId, null).body())
                .contains("\"views\":12"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(topAnswer("30d")).contains(title));

        StaffSignInFlow flow = open("/analytics");
        HeadlessChromium.signIn(browser, EDITOR, "wrong");
        wait.until(d -> text("#sign-in-error").equals("نام کاربری یا گذرواژه درست نیست."));
        flow.signInAndReturn("/analytics", EDITOR, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stats")));
        assertThat(text("#who-name")).isEqualTo("دبیر: " + EDITOR);

        wait.until(d -> text("#top tbody").contains(title));
        assertThat(text("#top tbody tr:first-child")).contains(title).contains("۱۲").contains("۳");
        wait.until(d -> !text("#m-pageviews").equals("–"));
        assertThat(text("#m-pageviews")).isEqualTo("۱۲");
        assertThat(text("#m-visitors")).isEqualTo("۳");
        assertThat(text("#sources tbody")).contains("google.com").contains("۱۲");
        assertThat(text("#devices tbody")).contains("تلفن همراه");
        // 30 days by day: Jalali month names on the axis, Persian digits, no Latin digits anywhere in the labels
        String labels = axisLabels();
        assertThat(labels).containsPattern("(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند)")
                .doesNotContainPattern("[0-9]");
        assertThat(browser.findElements(By.cssSelector("#chart polyline"))).hasSize(2);
        // current readers arrive over the event stream (through the stand-in gateway, streamed)
        wait.until(d -> text("#realtime tbody").contains(title));
        assertThat(text("#m-realtime")).isEqualTo("۳");

        // another period: the table is replaced when its answer comes, never left empty in between
        browser.findElement(By.cssSelector("#period option[value='24h']")).click();
        wait.until(d -> axisLabels().contains(":"));
        assertThat(axisLabels()).containsPattern("[۰-۹]{2}:[۰-۹]{2}").doesNotContainPattern("[0-9]");
        wait.until(d -> text("#top tbody").contains(title) && text("#message").isEmpty());
        assertThat(browser.findElements(By.cssSelector("#top tbody tr"))).hasSize(1);

        flow.signOut("/analytics");
    }

    @Test
    void aModeratorIsToldThePageIsForEditorsAndAnExpiredTokenSignsInAgain() {
        StaffSignInFlow flow = open("/analytics?period=7d");
        flow.signInAndReturn("/analytics?period=7d", MODERATOR, PASSWORD);
        flow.deniedWithoutLoop("/analytics?period=7d", MODERATOR, "نقش دبیر ندارد");
        assertThat(text("#sign-in-error")).contains("دسترسی این صفحه");
        flow.signInAndReturn("/analytics?period=7d", EDITOR, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stats")));
        assertThat(browser.findElements(By.id("staff-denied"))).isEmpty();

        flow.expiredTokenSendsToSignIn("/analytics", EDITOR, "EDITOR");
        flow.signInAndReturn("/analytics", EDITOR, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stats")));
    }

    /** Opens a page at the stand-in gateway without a token: it must land on the sign-in page with its address. */
    private StaffSignInFlow open(String path) {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, WAIT);
        // A wait that times out says what the page showed and what the API answered, so a failure explains itself.
        wait.withMessage(() -> "page " + browser.getCurrentUrl() + " showed " + pageState()
                + "; GET /api/analytics/top?period=30d → " + topAnswer("30d") + "; ?period=24h → " + topAnswer("24h"));
        StaffSignInFlow flow = new StaffSignInFlow(browser, wait, GATEWAY);
        flow.openSignedOut(path, "آمار بازدید");
        return flow;
    }

    /** Read in one go: the chart is redrawn when a period loads, so element handles go stale. */
    private String axisLabels() {
        return (String) browser.executeScript("return Array.from(document.querySelectorAll('#chart text.x-label'))"
                + ".map(function (e) { return e.textContent; }).join(' ');");
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** What the page shows, hidden parts included (a signed-out page hides its numbers but keeps them). */
    private String pageState() {
        try {
            return String.valueOf(browser.executeScript("var t = function (s) { var e = document.querySelector(s);"
                    + " return e ? (e.offsetParent === null ? '(hidden) ' : '') + e.textContent.trim() : '(none)'; };"
                    + " return '#message «' + t('#message') + '», #staff-denied «' + t('#staff-denied')"
                    + " + '», #top «' + t('#top tbody') + '», period ' + (document.getElementById('period') || {}).value;"));
        } catch (RuntimeException e) {
            return "(page not readable: " + e + ")";
        }
    }

    private String topAnswer(String period) {
        try {
            HttpResponse<String> answer = get("/api/analytics/top?period=" + period, TestTokens.bearer(EDITOR, "EDITOR"));
            return answer.statusCode() + " " + answer.body();
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String bootstrap() {
        return String.join(",", kafka.getBootstrapServers());
    }
}
