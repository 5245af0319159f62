package ir.sarkhat.gateway.ratelimit;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Chooses the counter store: Redis when {@code spring.data.redis.host} or {@code spring.data.redis.url} is set (several
 * gateways then share one count), this process's memory otherwise.
 */
public final class RateCounters {

    private static final Logger log = LoggerFactory.getLogger(RateCounters.class);

    private RateCounters() {
    }

    /**
     * @param what          what is counted, for the log line
     * @param longestWindow the longest time a key must live (in-memory counters are kept twice as long)
     */
    public static RateCounter choose(String what, Environment environment,
            ObjectProvider<ReactiveStringRedisTemplate> redis, Duration longestWindow) {
        if (redisConfigured(environment) && redis.getIfAvailable() != null) {
            log.info("{} are counted in Redis, shared by every gateway instance.", what);
            return new RedisRateCounter(redis.getObject());
        }
        log.info("{} are counted in this process (no spring.data.redis.host/url configured).", what);
        return inMemory(longestWindow);
    }

    /** Counters in this process only (bounded; the oldest go first). */
    public static RateCounter inMemory(Duration longestWindow) {
        return new InMemoryRateCounter(longestWindow);
    }

    static boolean redisConfigured(Environment environment) {
        return !environment.getProperty("spring.data.redis.host", "").isBlank()
                || !environment.getProperty("spring.data.redis.url", "").isBlank();
    }
}
