package ir.sarkhat.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ir.sarkhat.gateway.problem.ProblemException;
import ir.sarkhat.gateway.protection.ClientIp;
import ir.sarkhat.gateway.support.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two gateway instances' rate-limit filters on one real Redis share one budget per client. */
class RedisRateCounterIT {

    private static RedisServer redis;
    private static LettuceConnectionFactory connections;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
        connections.afterPropertiesSet();
        connections.start();
    }

    @AfterAll
    static void stopRedis() {
        if (connections != null) {
            connections.destroy();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static RateLimitFilter instance() {
        RateLimitProperties properties = new RateLimitProperties(true, Map.of("comment-post",
                new RateLimitProperties.Rule("POST", List.of("/api/articles/*/comments"), 3, Duration.ofMinutes(10))));
        return new RateLimitFilter(properties, new RedisRateCounter(new ReactiveStringRedisTemplate(connections)),
                new ClientIp(0), Clock.systemUTC());
    }

    private static Mono<Void> post(RateLimitFilter filter, String ip) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .post("/api/articles/a1/comments")
                .remoteAddress(new InetSocketAddress(ip, 40000)));
        return filter.filter(exchange, e -> Mono.empty());
    }

    @Test
    void twoInstancesShareOneBudgetPerClient() {
        RateLimitFilter first = instance();
        RateLimitFilter second = instance();
        String ip = "192.0.2.10";

        post(first, ip).block();
        post(second, ip).block();
        post(first, ip).block();
        assertThatThrownBy(() -> post(second, ip).block())
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(p.detail()).contains("at most 3 per 10 min");
                });
        // Another client's budget is untouched.
        post(second, "198.51.100.9").block();
    }

    @Test
    void theCounterExpiresWithItsWindow() {
        ReactiveStringRedisTemplate template = new ReactiveStringRedisTemplate(connections);
        RedisRateCounter counter = new RedisRateCounter(template);
        assertThat(counter.increment("rl:test:expiry", Duration.ofSeconds(30)).block()).isEqualTo(1L);
        assertThat(counter.increment("rl:test:expiry", Duration.ofSeconds(30)).block()).isEqualTo(2L);
        Long ttl = template.getExpire("rl:test:expiry").map(Duration::toMillis).block();
        assertThat(ttl).isBetween(1L, 30_000L);
    }

    @Test
    void twoInstancesReadTheSameCountWithoutAddingToIt() {
        RedisRateCounter first = new RedisRateCounter(new ReactiveStringRedisTemplate(connections));
        RedisRateCounter second = new RedisRateCounter(new ReactiveStringRedisTemplate(connections));
        assertThat(second.current("vh:test:shared").block()).isZero();
        first.increment("vh:test:shared", Duration.ofMinutes(1)).block();
        first.increment("vh:test:shared", Duration.ofMinutes(1)).block();
        assertThat(second.current("vh:test:shared").block()).isEqualTo(2L);
        assertThat(second.current("vh:test:shared").block()).isEqualTo(2L);
    }
}
