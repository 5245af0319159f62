package ir.sarkhat.gateway.pages;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * {@code /login} (the one staff sign-in page), {@code /staff} (staff management) and the staff pages' shared files
 * under {@code /staff-assets/}: the sign-in script, the session script and the common stylesheet, which the editor
 * desk, the moderation console and the analytics dashboard (served by their own services behind this gateway) link
 * too. Those come from the staff-shell module, the rest from {@code pages/}. Static shells: no inline code, so the
 * default Content-Security-Policy ({@code script-src 'self'}) holds; every action goes through the token-checked API.
 */
@Configuration(proxyBeanMethods = false)
class StaffPagesRoutes {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final MediaType SCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
    private static final MediaType STYLE = MediaType.parseMediaType("text/css;charset=UTF-8");
    private static final String SHELL = "sarkhat/staff-shell/";
    private static final String OWN = "pages/";
    private static final Map<String, Asset> ASSETS = Map.of(
            "login.js", new Asset(SHELL, SCRIPT),
            "session.js", new Asset(SHELL, SCRIPT),
            "staff.css", new Asset(SHELL, STYLE),
            "staff.js", new Asset(OWN, SCRIPT),
            "accounts.css", new Asset(OWN, STYLE));

    private record Asset(String folder, MediaType type) {
    }

    @Bean
    RouterFunction<ServerResponse> staffPages() {
        return RouterFunctions.route(GET("/login"), request -> page(SHELL + "login.html"))
                .andRoute(GET("/staff"), request -> page(OWN + "staff.html"))
                .andRoute(GET("/staff-assets/{file}"), request -> {
                    String file = request.pathVariable("file");
                    Asset asset = ASSETS.get(file);
                    return asset == null ? ServerResponse.notFound().build()
                            : ServerResponse.ok().contentType(asset.type()).cacheControl(CacheControl.noCache())
                                    .bodyValue(new ClassPathResource(asset.folder() + file));
                });
    }

    private static Mono<ServerResponse> page(String path) {
        return ServerResponse.ok().contentType(HTML).cacheControl(CacheControl.noStore())
                .header("X-Robots-Tag", "noindex")
                .bodyValue(new ClassPathResource(path));
    }
}
