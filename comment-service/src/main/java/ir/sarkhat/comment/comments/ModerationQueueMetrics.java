package ir.sarkhat.comment.comments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code sarkhat.moderation.queue.size}: comments waiting for a moderator, and
 * {@code sarkhat.moderation.queue.oldest.age}: how long the oldest of them has waited. Both come from
 * the {@code status_created} index and are kept for a while, so scrapes (one per instance every few
 * seconds) cost at most one count and one indexed lookup per interval.
 */
@Component
class ModerationQueueMetrics implements MeterBinder {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration maxAge;
    private Instant countedAt = Instant.MIN;
    private long pending;
    private Instant oldest;

    ModerationQueueMetrics(MongoTemplate mongo, Clock clock,
            @Value("${sarkhat.comments.queue-metrics-refresh:15s}") Duration maxAge) {
        this.mongo = mongo;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("sarkhat.moderation.queue.size", this, m -> m.refreshed().pending)
                .description("Comments waiting for a moderator (PENDING)")
                .register(registry);
        TimeGauge.builder("sarkhat.moderation.queue.oldest.age", this, TimeUnit.SECONDS, m -> m.oldestAgeSeconds())
                .description("How long the oldest pending comment has waited (0 when none waits)")
                .register(registry);
    }

    private double oldestAgeSeconds() {
        Instant since = refreshed().oldest;
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    private synchronized ModerationQueueMetrics refreshed() {
        Instant now = clock.instant();
        if (Duration.between(countedAt, now).compareTo(maxAge) >= 0) {
            var comments = mongo.getCollection(Comment.COLLECTION);
            var waiting = Filters.eq("status", CommentStatus.PENDING.name());
            pending = comments.countDocuments(waiting);
            Document first = comments.find(waiting).sort(Sorts.ascending("createdAt"))
                    .projection(Projections.include("createdAt")).limit(1).first();
            oldest = first != null && first.get("createdAt") instanceof Date date ? date.toInstant() : null;
            countedAt = now;
        }
        return this;
    }
}
