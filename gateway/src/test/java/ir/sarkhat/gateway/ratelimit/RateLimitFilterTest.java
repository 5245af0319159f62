package ir.sarkhat.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ir.sarkhat.gateway.problem.ProblemException;
import ir.sarkhat.gateway.protection.ClientIp;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitFilterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:45Z"), ZoneOffset.UTC);

    private final RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(true, Map.of(
            "login", new RateLimitProperties.Rule("POST", List.of("/api/auth/login"), 2, Duration.ofMinutes(1)),
            "search", new RateLimitProperties.Rule("GET", List.of("/search", "/api/search"), 2, Duration.ofMinutes(1)))),
            new InMemoryRateCounter(Duration.ofMinutes(1)), new ClientIp(1), CLOCK);
    private final AtomicInteger passed = new AtomicInteger();

    private Mono<Void> send(MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                request.remoteAddress(new InetSocketAddress("10.0.0.2", 50000)));
        return filter.filter(exchange, e -> Mono.fromRunnable(passed::incrementAndGet));
    }

    @Test
    void theThirdLoginFromOneClientIsRefusedWithTheSecondsLeftInTheWindow() {
        send(MockServerHttpRequest.post("/api/auth/login").header("X-Forwarded-For", "192.0.2.1")).block();
        send(MockServerHttpRequest.post("/api/auth/login").header("X-Forwarded-For", "192.0.2.1")).block();
        assertThatThrownBy(() -> send(MockServerHttpRequest.post("/api/auth/login")
                .header("X-Forwarded-For", "192.0.2.1")).block())
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.detail()).contains("15 s"));
        assertThat(passed).hasValue(2);
    }

    @Test
    void readsOfOtherPathsAndOtherMethodsAreNotCounted() {
        for (int i = 0; i < 10; i++) {
            send(MockServerHttpRequest.get("/articles/x").header("X-Forwarded-For", "192.0.2.2")).block();
            send(MockServerHttpRequest.get("/api/auth/login").header("X-Forwarded-For", "192.0.2.2")).block();
        }
        assertThat(passed).hasValue(20);
    }

    @Test
    void bothSearchPathsShareOneBudget() {
        send(MockServerHttpRequest.get("/search?q=a").header("X-Forwarded-For", "192.0.2.3")).block();
        send(MockServerHttpRequest.get("/api/search?q=a").header("X-Forwarded-For", "192.0.2.3")).block();
        assertThatThrownBy(() -> send(MockServerHttpRequest.get("/search?q=b")
                .header("X-Forwarded-For", "192.0.2.3")).block()).isInstanceOf(ProblemException.class);
    }
}
