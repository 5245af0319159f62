package ir.sarkhat.article.articles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled articles when they are due, polling every second by default. Any number of
 * service instances may run it: each due article is claimed by one atomic findAndModify that
 * matches only the still-scheduled version that was read, so exactly one instance publishes it and
 * exactly one {@code ArticlePublished} is queued.
 */
@Component
public class ScheduledPublishing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);
    private static final int BATCH = 100;

    private final Articles articles;
    private final ArticleEvents events;
    private final Clock clock;
    private final Duration pollInterval;
    private final boolean enabled;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    ScheduledPublishing(Articles articles, ArticleEvents events, Clock clock,
            @Value("${sarkhat.articles.scheduler.poll-interval:1s}") Duration pollInterval,
            @Value("${sarkhat.articles.scheduler.enabled:true}") boolean enabled) {
        this.articles = articles;
        this.events = events;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.enabled = enabled;
    }

    /**
     * One pass: claims and publishes every article due now.
     *
     * @return how many this instance published (others may have claimed the rest)
     */
    public int publishDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int published = 0;
        for (Article due : articles.due(now, BATCH)) {
            long readVersion = due.version();
            due.publish(now, events.published());
            if (articles.claimDue(due, readVersion, now)) {
                published++;
            }
        }
        if (published > 0) {
            log.info("Published {} scheduled article(s)", published);
            events.sendSoon();
        }
        return published;
    }

    private void pass() {
        try {
            publishDue();
        } catch (RuntimeException e) {
            log.warn("Scheduled publishing pass failed, next one in {}", pollInterval, e);
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "scheduled-publishing");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::pass, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
