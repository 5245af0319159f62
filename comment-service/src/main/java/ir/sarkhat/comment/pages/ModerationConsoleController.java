package ir.sarkhat.comment.pages;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The moderation console's single page. Signing in is the gateway's ({@code /login}, through the
 * shared {@code session.js}); everything after it happens in {@code console.js} against the moderation API.
 */
@Controller
class ModerationConsoleController {

    private final PageAssets assets;
    ModerationConsoleController(PageAssets assets) {
        this.assets = assets;
    }

    @GetMapping({ "/moderation", "/moderation/" })
    String console(Model model, HttpServletResponse response) {
        // The page names the current asset hashes, so it must not outlive a release in a cache.
        response.setHeader("Cache-Control", CacheControl.noCache().getHeaderValue());
        model.addAttribute("consoleJs", assets.versionedUrl("console.js"));
        model.addAttribute("consoleCss", assets.versionedUrl("console.css"));
        return "moderation";
    }
}
