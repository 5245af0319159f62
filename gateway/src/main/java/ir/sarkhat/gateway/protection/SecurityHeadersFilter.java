package ir.sarkhat.gateway.protection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response that leaves the gateway, proxied or its own. A backend's own
 * Content-Security-Policy (the staff pages send a stricter one) is kept, with {@code frame-ancestors 'none'} added if it
 * has none; every other response gets the default policy below: no inline script or style, nothing from elsewhere
 * except images over https. HSTS only when the request came over https (directly or per a trusted proxy).
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final ClientIp clientIp;
    private final String defaultPolicy;

    /** {@code sarkhat.gateway.content-security-policy} replaces the default, e.g. to allow video embeds in frame-src. */
    SecurityHeadersFilter(ClientIp clientIp,
            @Value("${sarkhat.gateway.content-security-policy:" + DEFAULT_CSP + "}") String defaultPolicy) {
        this.clientIp = clientIp;
        this.defaultPolicy = defaultPolicy;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // outermost: also covers 404s, 429s and errors from later filters
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean secure = clientIp.secure(exchange.getRequest());
        exchange.getResponse().beforeCommit(() -> {
            apply(exchange.getResponse().getHeaders(), secure, defaultPolicy);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static void apply(HttpHeaders headers, boolean secure, String defaultPolicy) {
        headers.set("X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "strict-origin-when-cross-origin");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        String csp = headers.getFirst("Content-Security-Policy");
        if (csp == null || csp.isBlank()) {
            headers.set("Content-Security-Policy", defaultPolicy);
        } else if (!csp.contains("frame-ancestors")) {
            headers.set("Content-Security-Policy", csp.strip() + "; frame-ancestors 'none'");
        }
        if (secure) {
            setIfAbsent(headers, "Strict-Transport-Security", HSTS);
        }
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }
}
