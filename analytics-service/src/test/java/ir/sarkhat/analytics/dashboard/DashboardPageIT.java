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
import ir.sarkhat.kit.test.TestTokens;

/**
 * The dashboard in a real headless Chromium against the real service: an editor signs in (the gateway's login is a
 * stub handing out test tokens) and sees the article's views, visitors and comments, the chart with Jalali labels,
 * sources, devices and current readers, in Persian digits, right to left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sarkhat.analytics.realtime-push=1s")
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class DashboardPageIT {

    static final String EDITOR = "dabir";
    static final String PASSWORD = "secret-test-password";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final LoginStub LOGIN = LoginStub.start(EDITOR, PASSWORD, "EDITOR");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-analytics-dashboard"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
        registry.add("sarkhat.pages.login-url", LOGIN::url);
    }

    @AfterAll
    static void stopLogin() {
        LOGIN.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaConnectionDetails kafka;

    ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePageIsAShellWithAStrictPolicy() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/analytics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dir=\"rtl\"").contains("data-login-url=\"" + LOGIN.url() + "\"")
                .doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
    }

    @Test
    void anEditorSeesTheNumbersInPersianWithJalaliDatesAndCurrentReaders() {
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
        await().atMost(WAIT).until(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/analytics/articles/" + articleId)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"views\":12"));

        browser = HeadlessChromium.start();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get("http://localhost:" + port + "/analytics");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        signIn("wrong");
        wait.until(d -> text("#sign-in-error").equals("نام کاربری یا گذرواژه درست نیست."));
        signIn(PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stats")));

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
        // current readers arrive over the event stream
        wait.until(d -> text("#realtime tbody").contains(title));
        assertThat(text("#m-realtime")).isEqualTo("۳");

        // another period
        browser.findElement(By.cssSelector("#period option[value='24h']")).click();
        wait.until(d -> axisLabels().contains(":"));
        assertThat(axisLabels()).containsPattern("[۰-۹]{2}:[۰-۹]{2}").doesNotContainPattern("[0-9]");
        assertThat(text("#top tbody")).contains(title);
    }

    private void signIn(String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys(EDITOR);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in-button")).click();
    }

    /** Read in one go: the chart is redrawn when a period loads, so element handles go stale. */
    private String axisLabels() {
        return (String) browser.executeScript("return Array.from(document.querySelectorAll('#chart text.x-label'))"
                + ".map(function (e) { return e.textContent; }).join(' ');");
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private String bootstrap() {
        return String.join(",", kafka.getBootstrapServers());
    }
}
