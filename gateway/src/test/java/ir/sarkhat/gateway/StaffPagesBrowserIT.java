package ir.sarkhat.gateway;

import java.time.Duration;
import java.util.List;

import ir.sarkhat.kit.test.HeadlessChromium;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one sign-in page, the staff page and the handoff to a service's staff page (the editor desk's shell, from the
 * stub article-service) in a real headless Chromium, under the gateway's strict CSP.
 */
class StaffPagesBrowserIT extends GatewayIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ReactiveMongoTemplate mongo;

    private ChromeDriver browser;
    private WebDriverWait wait;

    private void open() {
        browser = HeadlessChromium.start();
        // The page re-renders its table after every change, so a row found a moment ago can go stale: look again.
        wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void signIn(String username, String password) {
        HeadlessChromium.signIn(browser, username, password);
    }

    private WebElement rowOf(String username) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("tr[data-username='" + username + "']")));
    }

    @Test
    void anAdminSignsInCreatesAnEditorDisablesItAndSignsOut() {
        open();
        browser.get(url("/staff"));
        // No session yet: the page sends the visitor to the sign-in page.
        wait.until(ExpectedConditions.urlContains("/login?next=/staff"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.id("destination")).getText()).contains("مدیریت کارکنان");

        signIn("admin", "wrong-password-here");
        wait.until(ExpectedConditions.textToBe(By.id("sign-in-error"), "نام کاربری یا گذرواژه درست نیست."));
        signIn("admin", ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlToBe(url("/staff")));
        WebElement admin = rowOf("admin");
        assertThat(admin.findElement(By.cssSelector(".state .on")).getText()).isEqualTo("فعال");
        assertThat(admin.findElement(By.cssSelector(".created")).getText()).matches(".*[۰-۹]{4}.*");

        browser.findElement(By.id("new-username")).sendKeys("browser-editor");
        browser.findElement(By.id("new-password")).sendKeys("a-browser-password");
        browser.findElement(By.cssSelector("input[name=new-role][value=EDITOR]")).click();
        browser.findElement(By.cssSelector("#create button[type=submit]")).click();
        wait.until(d -> rowOf("browser-editor").findElement(By.cssSelector(".roles input[value=EDITOR]")).isSelected()
                && !rowOf("browser-editor").findElement(By.cssSelector(".roles input[value=ADMIN]")).isSelected());

        wait.until(d -> {
            rowOf("browser-editor").findElement(By.cssSelector(".toggle")).click();
            return true;
        });
        wait.until(d -> rowOf("browser-editor").findElements(By.cssSelector(".state .off")).size() == 1);
        Document stored = mongo.findById("browser-editor", Document.class, "staff_accounts").block();
        assertThat(stored.getBoolean("enabled")).isFalse();
        assertThat(stored.getString("passwordHash")).startsWith("$2");

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        // The refresh cookie was revoked: the staff page cannot renew a session and sends us back.
        browser.get(url("/staff"));
        wait.until(ExpectedConditions.urlContains("/login?next=/staff"));
        assertNoCspViolations();
    }

    @Test
    void theSignInPageOnlyGoesToOurOwnStaffPages() {
        open();
        for (String next : List.of("https://evil.example/editor", "/%5Cevil.example/editor", "/articles/x")) {
            browser.get(url("/login?next=" + next));
            assertThat(browser.findElement(By.id("destination")).getText()).as(next).contains("مدیریت کارکنان");
        }
        browser.get(url("/login?next=//evil.example/steal"));
        assertThat(browser.findElement(By.id("destination")).getText()).contains("مدیریت کارکنان");
        signIn("admin", ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlToBe(url("/staff")));
        rowOf("admin");
        assertNoCspViolations();
    }

    @Test
    void aStaffPageOfAServiceSendsAVisitorToSignInHereAndGetsTheSessionBack() {
        open();
        browser.get(url("/editor"));
        // No token: the desk sends the visitor to the one sign-in page, with its own address to come back to.
        wait.until(ExpectedConditions.urlToBe(url("/login?next=%2Feditor")));
        assertThat(browser.findElement(By.id("destination")).getText()).contains("میز تحریریه");
        signIn("admin", ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlToBe(url("/editor")));
        wait.until(ExpectedConditions.textToBe(By.id("who-name"), "دبیر: admin"));
        String token = (String) browser.executeScript("return sessionStorage.getItem('sarkhat.staff.token')");
        assertThat(token.split("\\.")).hasSize(3);
        http().get().uri("/api/admin/staff").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlToBe(url("/login?next=%2Feditor")));
        assertThat(browser.executeScript("return sessionStorage.length")).isEqualTo(0L);
        browser.get(url("/editor"));
        wait.until(ExpectedConditions.urlToBe(url("/login?next=%2Feditor")));
        assertNoCspViolations();
    }

    private void assertNoCspViolations() {
        List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(entries).extracting(LogEntry::getMessage)
                .noneMatch(message -> message.contains("Content Security Policy"));
    }
}
