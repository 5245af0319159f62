package ir.sarkhat.gateway.ratelimit;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Counts hits on a key that lives for one window; every gateway instance must see the same count (Redis) or its own.
 * Also counts page views per visitor and day (pageview package), so it is public; {@link RateCounters} chooses one.
 */
public interface RateCounter {

    /** Adds one hit and answers the hits so far, this one included. The key expires {@code ttl} after its first hit. */
    Mono<Long> increment(String key, Duration ttl);

    /** The hits so far without adding one (0 for an unknown or expired key). */
    Mono<Long> current(String key);
}
