package ir.sarkhat.gateway.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/** Counters in Redis, shared by every gateway instance: one atomic INCR (and PEXPIRE on the first hit) per request. */
class RedisRateCounter implements RateCounter {

    private static final RedisScript<Long> INCREMENT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;

    RedisRateCounter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Long> increment(String key, Duration ttl) {
        return redis.execute(INCREMENT, List.of(key), List.of(Long.toString(ttl.toMillis()))).next();
    }

    @Override
    public Mono<Long> current(String key) {
        return redis.opsForValue().get(key).map(Long::parseLong).defaultIfEmpty(0L);
    }
}
