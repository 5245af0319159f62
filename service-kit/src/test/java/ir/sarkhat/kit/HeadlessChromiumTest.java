package ir.sarkhat.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import ir.sarkhat.kit.test.HeadlessChromium;

/** The browser-test fixture every page test relies on: a real Chromium renders RTL Persian and runs scripts. */
class HeadlessChromiumTest {

    @Test
    void rendersRightToLeftPersianAndRunsScripts() {
        String html = "<html lang='fa' dir='rtl'><body><p id='p'>سلام</p>"
                + "<script>document.getElementById('p').textContent += ' ۲۰'</script></body></html>";
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
            assertThat(browser.findElement(By.id("p")).getText()).isEqualTo("سلام ۲۰");
            assertThat(browser.findElement(By.tagName("html")).getCssValue("direction")).isEqualTo("rtl");
        } finally {
            browser.quit();
        }
    }
}
