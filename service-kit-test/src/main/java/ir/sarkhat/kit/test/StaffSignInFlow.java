package ir.sarkhat.kit.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The round trips every staff page makes through the one sign-in page, driven in a browser against a
 * {@link LoginStub} standing in for the gateway: the same steps and expectations for the editor desk, the
 * moderation console and the analytics dashboard.
 */
public final class StaffSignInFlow {

    private final WebDriver browser;
    private final WebDriverWait wait;
    private final LoginStub gateway;

    public StaffSignInFlow(WebDriver browser, WebDriverWait wait, LoginStub gateway) {
        this.browser = browser;
        this.wait = wait;
        this.gateway = gateway;
    }

    /** Opens a page without a token: it must send the visitor to the sign-in page, naming the page to return to. */
    public void openSignedOut(String path, String pageName) {
        browser.get(gateway.url(path));
        wait.until(ExpectedConditions.urlToBe(gateway.signInUrlFor(path)));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.id("destination")).getText()).contains(pageName);
    }

    /** Signs in on the sign-in page and waits until the browser is back on the page it came from. */
    public void signInAndReturn(String path, String username, String password) {
        HeadlessChromium.signIn(browser, username, password);
        wait.until(ExpectedConditions.urlToBe(gateway.url(path)));
    }

    /**
     * The page told a signed-in account without its role so (naming the account), stayed where it is (no redirect
     * loop), and its link leads to the sign-in page to sign in as someone else.
     */
    public void deniedWithoutLoop(String path, String username, String roleMissing) {
        wait.until(d -> d.findElements(By.id("staff-denied")).size() == 1
                && d.findElement(By.id("staff-denied")).getText().contains(roleMissing));
        assertThat(browser.findElement(By.id("staff-denied")).getText()).contains("«" + username + "»");
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway.url(path));
        browser.findElement(By.linkText("ورود با حساب دیگری")).click();
        wait.until(ExpectedConditions.urlToBe(gateway.signInUrlFor(path) + "&reason=role"));
    }

    /** A token the API refuses (expired): the page sends the visitor to sign in again, saying why. */
    public void expiredTokenSendsToSignIn(String path, String username, String... roles) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "sessionStorage.setItem('sarkhat.staff.token', arguments[0])",
                TestTokens.expired(username, roles).substring("Bearer ".length()));
        browser.get(gateway.url(path));
        wait.until(ExpectedConditions.urlToBe(gateway.signInUrlFor(path) + "&reason=expired"));
        assertThat(browser.findElement(By.id("sign-in-error")).getText())
                .isEqualTo("نشست شما به پایان رسیده یا باطل شده است؛ دوباره وارد شوید.");
    }

    /** «خروج» ends the session at the gateway and here, and the page then sends the visitor to sign in again. */
    public void signOut(String path) {
        int logouts = gateway.logouts();
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlToBe(gateway.signInUrlFor(path)));
        assertThat(gateway.logouts()).isEqualTo(logouts + 1);
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return sessionStorage.length"))
                .isEqualTo(0L);
        browser.get(gateway.url(path));
        wait.until(ExpectedConditions.urlToBe(gateway.signInUrlFor(path)));
    }
}
