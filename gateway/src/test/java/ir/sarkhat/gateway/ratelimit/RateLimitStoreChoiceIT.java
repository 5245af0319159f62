package ir.sarkhat.gateway.ratelimit;

import java.net.InetSocketAddress;

import ir.sarkhat.gateway.problem.ProblemException;
import ir.sarkhat.gateway.protection.ClientIp;
import ir.sarkhat.gateway.support.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway's own wiring picks Redis exactly when {@code spring.data.redis.host} is set: two application contexts
 * (two gateway instances) on one Redis then share the budget; without the property each counts alone.
 */
class RateLimitStoreChoiceIT {

    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Gateway {

        @Bean
        ClientIp clientIp() {
            return new ClientIp(0);
        }
    }

    private static ApplicationContextRunner instance() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                        DataRedisReactiveAutoConfiguration.class))
                .withUserConfiguration(Gateway.class, RateLimitConfiguration.class)
                .withPropertyValues(
                        "sarkhat.gateway.rate-limits.rules.login.method=POST",
                        "sarkhat.gateway.rate-limits.rules.login.paths=/api/auth/login",
                        "sarkhat.gateway.rate-limits.rules.login.limit=2",
                        "sarkhat.gateway.rate-limits.rules.login.window=1d");
    }

    private static Mono<Void> login(RateLimitFilter filter, String ip) {
        return filter.filter(MockServerWebExchange.from(MockServerHttpRequest.post("/api/auth/login")
                .remoteAddress(new InetSocketAddress(ip, 40000))), exchange -> Mono.empty());
    }

    @Test
    void withRedisConfiguredTwoInstancesShareTheBudget() {
        String[] redisProperties = {"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port()};
        instance().withPropertyValues(redisProperties).run(first -> instance().withPropertyValues(redisProperties)
                .run(second -> {
                    RateLimitFilter one = first.getBean(RateLimitFilter.class);
                    RateLimitFilter two = second.getBean(RateLimitFilter.class);
                    login(one, "192.0.2.77").block();
                    login(two, "192.0.2.77").block();
                    assertThatThrownBy(() -> login(one, "192.0.2.77").block()).isInstanceOf(ProblemException.class);
                }));
    }

    @Test
    void withoutRedisEachInstanceCountsInItsOwnMemory() {
        instance().run(first -> instance().run(second -> {
            RateLimitFilter one = first.getBean(RateLimitFilter.class);
            RateLimitFilter two = second.getBean(RateLimitFilter.class);
            login(one, "192.0.2.78").block();
            login(one, "192.0.2.78").block();
            login(two, "192.0.2.78").block(); // the other instance has its own count
            assertThatThrownBy(() -> login(one, "192.0.2.78").block()).isInstanceOf(ProblemException.class);
            assertThat(first.getBeansOfType(RateLimitFilter.class)).hasSize(1);
        }));
    }
}
