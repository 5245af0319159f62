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
 * {@code /login} (the shared staff sign-in page), {@code /staff} (staff management) and their script and style under
 * {@code /staff-assets/}. Static shells: no inline code, so the default Content-Security-Policy
 * ({@code script-src 'self'}) holds; every action goes through the token-checked API.
 */
@Configuration(proxyBeanMethods = false)
class StaffPagesRoutes {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final Map<String, MediaType> ASSETS = Map.of(
            "login.js", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
            "staff.js", MediaType.parseMediaType("text/javascript;charset=UTF-8"),
            "staff.css", MediaType.parseMediaType("text/css;charset=UTF-8"));

    @Bean
    RouterFunction<ServerResponse> staffPages() {
        return RouterFunctions.route(GET("/login"), request -> page("login.html"))
                .andRoute(GET("/staff"), request -> page("staff.html"))
                .andRoute(GET("/staff-assets/{file}"), request -> {
                    String file = request.pathVariable("file");
                    MediaType type = ASSETS.get(file);
                    return type == null ? ServerResponse.notFound().build()
                            : ServerResponse.ok().contentType(type).cacheControl(CacheControl.noCache())
                                    .bodyValue(new ClassPathResource("pages/" + file));
                });
    }

    private static Mono<ServerResponse> page(String name) {
        return ServerResponse.ok().contentType(HTML).cacheControl(CacheControl.noStore())
                .header("X-Robots-Tag", "noindex")
                .bodyValue(new ClassPathResource("pages/" + name));
    }
}
