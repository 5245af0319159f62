package ir.sarkhat.article.editor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The editor's single page. Everything after sign-in happens in {@code editor.js} against the
 * article API; the page only tells the script where to sign in.
 */
@Controller
class EditorPageController {

    private final String loginUrl;

    EditorPageController(@Value("${sarkhat.pages.login-url:/api/auth/login}") String loginUrl) {
        this.loginUrl = loginUrl;
    }

    @GetMapping({ "/editor", "/editor/" })
    String editor(Model model, HttpServletResponse response) {
        // The page names the current asset hashes, so it must not outlive a release in a cache.
        response.setHeader("Cache-Control", CacheControl.noCache().getHeaderValue());
        model.addAttribute("loginUrl", loginUrl);
        return "editor";
    }
}
