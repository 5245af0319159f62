package ir.sarkhat.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;

import ir.sarkhat.gateway.protection.ClientIp;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Chooses the counter store: Redis when {@code spring.data.redis.host} or {@code spring.data.redis.url} is set (several
 * gateways then share one budget per client), this process's memory otherwise.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sarkhat.gateway.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, ClientIp clientIp, Environment environment,
            ObjectProvider<ReactiveStringRedisTemplate> redis) {
        return new RateLimitFilter(properties, counter(properties, environment, redis), clientIp, Clock.systemUTC());
    }

    private static RateCounter counter(RateLimitProperties properties, Environment environment,
            ObjectProvider<ReactiveStringRedisTemplate> redis) {
        Duration longest = properties.rules().values().stream().map(RateLimitProperties.Rule::window)
                .max(Duration::compareTo).orElse(Duration.ofMinutes(1));
        return RateCounters.choose("Rate limits", environment, redis, longest);
    }
}
