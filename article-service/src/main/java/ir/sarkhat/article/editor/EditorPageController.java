package ir.sarkhat.article.editor;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The editor's single page. Signing in is the gateway's ({@code /login}, through the shared
 * {@code session.js}); everything after it happens in {@code editor.js} against the article API.
 */
@Controller
class EditorPageController {

    @GetMapping({ "/editor", "/editor/" })
    String editor(HttpServletResponse response) {
        // The page names the current asset hashes, so it must not outlive a release in a cache.
        response.setHeader("Cache-Control", CacheControl.noCache().getHeaderValue());
        return "editor";
    }
}
