package ir.sarkhat.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;

import ir.sarkhat.gateway.protection.ClientIp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, ClientIp clientIp, Environment environment,
            ObjectProvider<ReactiveStringRedisTemplate> redis) {
        return new RateLimitFilter(properties, counter(properties, environment, redis), clientIp, Clock.systemUTC());
    }

    private static RateCounter counter(RateLimitProperties properties, Environment environment,
            ObjectProvider<ReactiveStringRedisTemplate> redis) {
        if (redisConfigured(environment) && redis.getIfAvailable() != null) {
            log.info("Rate limits are counted in Redis, shared by every gateway instance.");
            return new RedisRateCounter(redis.getObject());
        }
        log.info("Rate limits are counted in this process (no spring.data.redis.host/url configured).");
        Duration longest = properties.rules().values().stream().map(RateLimitProperties.Rule::window)
                .max(Duration::compareTo).orElse(Duration.ofMinutes(1));
        return new InMemoryRateCounter(longest);
    }

    static boolean redisConfigured(Environment environment) {
        return !environment.getProperty("spring.data.redis.host", "").isBlank()
                || !environment.getProperty("spring.data.redis.url", "").isBlank();
    }
}
