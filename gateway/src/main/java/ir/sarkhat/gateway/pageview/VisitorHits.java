package ir.sarkhat.gateway.pageview;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import ir.sarkhat.gateway.ratelimit.RateCounter;
import ir.sarkhat.gateway.ratelimit.RateCounters;

/**
 * The robot threshold (as WP Statistics' "robot threshold"): a visitor — the day's visitor key — with more than
 * {@code sarkhat.gateway.page-views.hit-threshold} page views in a UTC day is treated as a robot, and its further
 * views are sent with {@code excluded: "hit-threshold"}. Counted in the rate-limit counter store, key
 * {@code vh:<day>:<visitorKey>}: in Redis when configured, so every gateway instance adds to one count, else in this
 * process. A store that fails or is slow does not hold or drop a view: it is counted as a human's.
 */
@Component
class VisitorHits {

    static final String REASON = "hit-threshold";
    private static final Logger log = LoggerFactory.getLogger(VisitorHits.class);
    private static final Duration KEY_TTL = Duration.ofHours(25); // the day, plus late views near midnight
    private static final Duration STORE_TIMEOUT = Duration.ofMillis(300);

    private final RateCounter counter;
    private final int threshold;
    private final AtomicLong lastWarning = new AtomicLong();

    @Autowired
    VisitorHits(PageViewProperties properties, Environment environment,
            ObjectProvider<ReactiveStringRedisTemplate> redis) {
        this(properties.hitThreshold() > 0
                ? RateCounters.choose("Page views per visitor", environment, redis, KEY_TTL)
                : null, properties.hitThreshold());
    }

    VisitorHits(RateCounter counter, int threshold) {
        this.counter = counter;
        this.threshold = threshold;
    }

    boolean enabled() {
        return threshold > 0;
    }

    /** Adds a page view of the visitor; true when it is over the threshold. */
    Mono<Boolean> addView(LocalDate day, String visitorKey) {
        return enabled() ? judge(counter.increment(key(day, visitorKey), KEY_TTL)) : Mono.just(false);
    }

    /** Whether the visitor is already over the threshold, without adding a view (a view counted before). */
    Mono<Boolean> isOver(LocalDate day, String visitorKey) {
        return enabled() ? judge(counter.current(key(day, visitorKey))) : Mono.just(false);
    }

    private Mono<Boolean> judge(Mono<Long> count) {
        return count.map(views -> views > threshold)
                .timeout(STORE_TIMEOUT)
                .onErrorResume(e -> {
                    long now = System.currentTimeMillis();
                    long last = lastWarning.get();
                    if (now - last > 10_000 && lastWarning.compareAndSet(last, now)) { // one line per 10 s in an outage
                        log.warn("Page views per visitor could not be counted, the view counts: {}", e.toString());
                    }
                    return Mono.just(false);
                })
                .defaultIfEmpty(false);
    }

    private static String key(LocalDate day, String visitorKey) {
        return "vh:" + day + ":" + visitorKey;
    }
}
