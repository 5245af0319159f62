package ir.sarkhat.kit.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The security chain of a staff page (the moderation console, the editor desk, the analytics dashboard): the page
 * and its assets are public GETs — an empty shell that sends a visitor without a token to the gateway's
 * {@code /login} and back; every action is checked by the API — and nothing else. The page, its shared files
 * ({@code /staff-assets/}) and the sign-in page are all on the gateway's origin, so a Content-Security-Policy can
 * allow only that origin's scripts, styles and connections: no inline code can run. Register the result with
 * {@code @Order(0)}, before the service's main rules.
 */
public final class StaffPages {

    private StaffPages() {
    }

    /**
     * @param imageSources the CSP {@code img-src} sources besides {@code 'self' data:}, e.g. {@code https:}
     * @param paths        the page's paths, e.g. {@code /moderation}, {@code /moderation/**}
     */
    public static SecurityFilterChain chain(HttpSecurity http, StaffSecurity staffSecurity, String imageSources,
            String... paths) throws Exception {
        return staffSecurity.apply(http.securityMatcher(paths))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(policy(imageSources))))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, paths).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    static String policy(String imageSources) {
        String images = imageSources.isBlank() ? "'self' data:" : "'self' " + imageSources + " data:";
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src " + images + "; connect-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }
}
