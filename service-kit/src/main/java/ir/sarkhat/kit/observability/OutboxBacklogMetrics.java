package ir.sarkhat.kit.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import ir.sarkhat.kit.events.OutboxRelay;

/**
 * {@code sarkhat.outbox.pending{collection}}: events written but not yet acknowledged by Kafka, and
 * {@code sarkhat.outbox.oldest.age{collection}}: how long the oldest of them has waited. A growing age
 * means the relay cannot reach Kafka. Counting reads the pending documents, so the numbers are kept
 * for a few seconds instead of being counted on every scrape.
 */
class OutboxBacklogMetrics implements MeterBinder {

    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration maxAge;
    private Instant countedAt = Instant.MIN;
    private Map<String, OutboxRelay.Backlog> counted = Map.of();

    OutboxBacklogMetrics(OutboxRelay relay, Clock clock, Duration maxAge) {
        this.relay = relay;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String collection : relay.collections()) {
            Gauge.builder("sarkhat.outbox.pending", this, m -> m.backlog(collection).events())
                    .description("Events stored in an outbox and not yet acknowledged by Kafka")
                    .tag("collection", collection)
                    .register(registry);
            TimeGauge.builder("sarkhat.outbox.oldest.age", this, TimeUnit.SECONDS, m -> m.oldestAgeSeconds(collection))
                    .description("How long the oldest event of an outbox has waited (0 when none waits)")
                    .tag("collection", collection)
                    .register(registry);
        }
    }

    private double oldestAgeSeconds(String collection) {
        Instant oldest = backlog(collection).oldest();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private synchronized OutboxRelay.Backlog backlog(String collection) {
        Instant now = clock.instant();
        if (Duration.between(countedAt, now).compareTo(maxAge) >= 0) {
            counted = relay.backlog();
            countedAt = now;
        }
        return counted.getOrDefault(collection, new OutboxRelay.Backlog(0, null));
    }
}
