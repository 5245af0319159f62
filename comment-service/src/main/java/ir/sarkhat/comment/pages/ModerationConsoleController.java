package ir.sarkhat.comment.pages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The moderation console's single page. Everything after sign-in happens in {@code console.js}
 * against the moderation API; the page only tells the script where to sign in.
 */
@Controller
class ModerationConsoleController {

    private final PageAssets assets;
    private final String loginUrl;

    ModerationConsoleController(PageAssets assets, @Value("${sarkhat.pages.login-url:/api/auth/login}") String loginUrl) {
        this.assets = assets;
        this.loginUrl = loginUrl;
    }

    @GetMapping({ "/moderation", "/moderation/" })
    String console(Model model, HttpServletResponse response) {
        // The page names the current asset hashes, so it must not outlive a release in a cache.
        response.setHeader("Cache-Control", CacheControl.noCache().getHeaderValue());
        model.addAttribute("loginUrl", loginUrl);
        model.addAttribute("consoleJs", assets.versionedUrl("console.js"));
        model.addAttribute("consoleCss", assets.versionedUrl("console.css"));
        return "moderation";
    }
}
