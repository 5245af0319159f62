package ir.sarkhat.kit.security;

import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security chain of a staff page (the moderation console, the editor desk): the page and its
 * assets are public GETs — an empty shell until someone signs in, every action is checked by the
 * API — and nothing else. A Content-Security-Policy allows only the service's own scripts and
 * styles, so no inline code can run. Register the result with {@code @Order(0)}, before the
 * service's main rules.
 */
public final class StaffPages {

    private StaffPages() {
    }

    /**
     * @param loginUrl     where the page signs in (the gateway); another origin is allowed for fetch
     * @param imageSources the CSP {@code img-src} sources besides {@code 'self' data:}, e.g. {@code https:}
     * @param paths        the page's paths, e.g. {@code /moderation}, {@code /moderation/**}
     */
    public static SecurityFilterChain chain(HttpSecurity http, StaffSecurity staffSecurity, String loginUrl,
            String imageSources, String... paths) throws Exception {
        String images = imageSources.isBlank() ? "'self' data:" : "'self' " + imageSources + " data:";
        String csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src " + images + "; "
                + "connect-src 'self'" + originOf(loginUrl)
                + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return staffSecurity.apply(http.securityMatcher(paths))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(csp)))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, paths).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    /** The origin of an absolute URL with a leading space, or "" for a path on this origin. */
    static String originOf(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        return " " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
