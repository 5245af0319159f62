package ir.sarkhat.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver} packages, which
 * {@code .ci/run} installs) driven through WebDriver. No browser is downloaded: the binaries are
 * named explicitly, so Selenium Manager stays out of it.
 * <p>
 * Where the packages are missing, browser tests are skipped with a message on a developer's machine
 * and fail on CI ({@code CI} set), so a CI run can never pass without them.
 */
public final class HeadlessChromium {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SARKHAT_CHROMIUM", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(
            System.getenv().getOrDefault("SARKHAT_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** A fresh browser with an empty profile; quit it when done. */
    public static ChromeDriver start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("Chromium is required on CI: " + CHROMIUM + " / " + CHROMEDRIVER);
        }
        Assumptions.assumeTrue(installed,
                "Browser test skipped: install Debian's chromium and chromium-driver (see .ci/run)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=fa-IR",
                "--user-data-dir=" + tempProfile());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Fills and sends the one staff sign-in form, the gateway's {@code /login} (also served by {@link LoginStub}):
     * {@code #username}, {@code #password}, {@code #sign-in-form}, clearing what an earlier attempt left.
     */
    public static void signIn(WebDriver browser, String username, String password) {
        WebElement user = browser.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = browser.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    }

    private static String tempProfile() {
        try {
            Path dir = Files.createTempDirectory("sarkhat-chromium-");
            dir.toFile().deleteOnExit();
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
