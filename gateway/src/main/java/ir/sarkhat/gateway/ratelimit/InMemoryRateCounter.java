package ir.sarkhat.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

/**
 * Counters in this process only: right for one gateway, N× the limit for N gateways without Redis. Bounded in size so a
 * flood of addresses cannot exhaust memory (the oldest counters go first).
 */
class InMemoryRateCounter implements RateCounter {

    private final Cache<String, AtomicLong> counters;

    InMemoryRateCounter(Duration longestWindow) {
        this.counters = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterWrite(longestWindow.multipliedBy(2))
                .build();
    }

    @Override
    public Mono<Long> increment(String key, Duration ttl) {
        return Mono.just(counters.get(key, k -> new AtomicLong()).incrementAndGet());
    }

    @Override
    public Mono<Long> current(String key) {
        AtomicLong count = counters.getIfPresent(key);
        return Mono.just(count == null ? 0L : count.get());
    }
}
