package ir.sarkhat.analytics.dashboard;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff dashboard's single page: a shell. Signing in is the gateway's ({@code /login}, through the shared
 * {@code session.js}); {@code dashboard.js} then fills the page from the staff report API.
 */
@Controller
class DashboardController {

    private static final Resource PAGE = new ClassPathResource("pages/dashboard.html");

    @GetMapping({ "/analytics", "/analytics/" })
    ResponseEntity<Resource> dashboard() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(PAGE);
    }
}
