package ir.sarkhat.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ir.sarkhat.gateway.problem.ProblemException;
import ir.sarkhat.gateway.protection.ClientIp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Fixed-window limits per rule and client IP: the key is {@code rl:<rule>:<ip>:<window number>}, so every instance
 * sharing a counter store agrees on the window. A request over the limit gets 429 problem+json with
 * {@code Retry-After} (seconds to the next window) and never reaches the backend. Requests no rule names (article
 * pages, their JSON) pass after one method check and a few path matches. If the counter store fails or is slow, the
 * request passes: a Redis outage must not take the site down with it.
 */
class RateLimitFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final Duration STORE_TIMEOUT = Duration.ofMillis(300);

    private final List<CompiledRule> rules = new ArrayList<>();
    private final RateCounter counter;
    private final ClientIp clientIp;
    private final Clock clock;

    RateLimitFilter(RateLimitProperties properties, RateCounter counter, ClientIp clientIp, Clock clock) {
        this.counter = counter;
        this.clientIp = clientIp;
        this.clock = clock;
        properties.rules().forEach((name, rule) -> {
            if (rule.limit() < 1 || rule.window().isZero() || rule.window().isNegative()) {
                throw new IllegalArgumentException("Rate limit rule " + name + " needs a limit ≥ 1 and a positive window");
            }
            rules.add(new CompiledRule(name, HttpMethod.valueOf(rule.method().toUpperCase()),
                    rule.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(), rule.limit(),
                    rule.window()));
        });
    }

    private record CompiledRule(String name, HttpMethod method, List<PathPattern> paths, int limit, Duration window) {

        boolean matches(ServerHttpRequest request) {
            if (!method.equals(request.getMethod())) {
                return false;
            }
            for (PathPattern path : paths) {
                if (path.matches(request.getPath().pathWithinApplication())) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // after the security headers, before the body limit and the routes
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        for (CompiledRule rule : rules) {
            if (rule.matches(request)) {
                return check(rule, clientIp.of(request)).then(chain.filter(exchange));
            }
        }
        return chain.filter(exchange);
    }

    private Mono<Void> check(CompiledRule rule, String ip) {
        long now = clock.millis();
        long windowMillis = rule.window().toMillis();
        long window = now / windowMillis;
        long retryAfter = ((window + 1) * windowMillis - now + 999) / 1000;
        String key = "rl:" + rule.name() + ":" + ip + ":" + window;
        return counter.increment(key, rule.window())
                .timeout(STORE_TIMEOUT)
                .onErrorResume(e -> {
                    log.warn("Rate limit store failed, letting the request through: {}", e.toString());
                    return Mono.empty();
                })
                .flatMap(hits -> hits > rule.limit()
                        ? Mono.error(ProblemException.tooManyRequests("Too many requests (" + rule.name()
                                + "): at most " + rule.limit() + " per " + describe(rule.window())
                                + ". Try again in " + retryAfter + " s.", retryAfter))
                        : Mono.<Void>empty());
    }

    private static String describe(Duration window) {
        return window.toSeconds() % 60 == 0 ? window.toMinutes() + " min" : window.toSeconds() + " s";
    }
}
