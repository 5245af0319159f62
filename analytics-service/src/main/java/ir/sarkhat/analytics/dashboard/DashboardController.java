package ir.sarkhat.analytics.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The staff dashboard's single page: a shell that {@code dashboard.js} fills after an editor signs in at the
 * gateway. The page only tells the script where to sign in.
 */
@Controller
class DashboardController {

    private final String page;

    DashboardController(@Value("${sarkhat.pages.login-url:/api/auth/login}") String loginUrl) {
        try {
            String template = new ClassPathResource("pages/dashboard.html").getContentAsString(StandardCharsets.UTF_8);
            this.page = template.replace("{{loginUrl}}", HtmlUtils.htmlEscape(loginUrl));
        } catch (IOException e) {
            throw new UncheckedIOException("The dashboard page is missing from the jar", e);
        }
    }

    @GetMapping({ "/analytics", "/analytics/" })
    ResponseEntity<String> dashboard() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(page);
    }
}
