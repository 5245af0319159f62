package ir.sarkhat.analytics.messaging;

import static ir.sarkhat.analytics.messaging.EventData.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import ir.sarkhat.analytics.ingest.PageViewIngest;
import ir.sarkhat.analytics.rollup.DroppedHit;
import ir.sarkhat.analytics.pageview.Devices;
import ir.sarkhat.analytics.pageview.PageView;
import ir.sarkhat.analytics.pageview.ReferrerHost;
import ir.sarkhat.analytics.pageview.SiteHosts;
import ir.sarkhat.analytics.pageview.Traffic;
import ir.sarkhat.analytics.pageview.TrafficSource;
import ir.sarkhat.analytics.stats.ArticleStatsRefresher;
import ir.sarkhat.kit.events.IncomingEvent;
import ir.sarkhat.kit.events.PoisonEventException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes page views in batches, one batch per poll: applies them all in bulk, then refreshes the totals of every
 * touched article once.
 * <p>
 * Applying is idempotent, so any failure while applying is reported at index 0: the whole batch comes back and is
 * applied again. A poison record at index i: the records before it are applied, then i is reported (the error
 * handler commits the ones before and dead-letters i).
 */
@Component
class PageViewsListener {

    static final String TOPIC = "page-views";
    /** The listener container's id (not the group): tests stop and start it like a crashed consumer. */
    public static final String LISTENER_ID = "page-views";
    private static final int MAX_CLIENT_FIELD = 50;

    private final PageViewIngest ingest;
    private final ArticleStatsRefresher stats;
    private final JsonMapper json;
    private final Set<String> siteHosts;

    PageViewsListener(PageViewIngest ingest, ArticleStatsRefresher stats, JsonMapper json, SiteHosts siteHosts) {
        this.ingest = ingest;
        this.stats = stats;
        this.json = json;
        this.siteHosts = siteHosts.hosts();
    }

    // Large polls: each poll costs one bulk write per collection and one refresh per touched article, whatever its size
    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = TOPIC, batch = "true",
            properties = "max.poll.records=${sarkhat.analytics.ingest.max-poll-records:5000}")
    void on(List<ConsumerRecord<String, String>> records) {
        Batch batch = new Batch(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                read(records.get(i), batch);
            } catch (PoisonEventException e) {
                apply(batch);
                throw new BatchListenerFailedException("Page view record " + i + " of the batch is unreadable", e, i);
            }
        }
        apply(batch);
    }

    /** What one poll brought: views to count, hits to count as dropped, visible-time pings. */
    private record Batch(List<PageView> views, List<DroppedHit> dropped, List<PageEngaged> engagements) {
        Batch(int size) {
            this(new ArrayList<>(size), new ArrayList<>(), new ArrayList<>());
        }
    }

    private void apply(Batch batch) {
        try {
            Set<String> touched = ingest.apply(batch.views(), batch.dropped());
            batch.engagements().forEach(e -> ingest.engaged(e.pageviewId(), e.engagedMs()));
            stats.refreshAll(touched);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("Applying " + batch.views().size() + " page views failed", e, 0);
        }
    }

    private void read(ConsumerRecord<String, String> record, Batch batch) {
        IncomingEvent event = IncomingEvent.from(record);
        if (PageEngaged.TYPE.equals(event.type())) {
            PageEngaged engaged = EventData.read(json, event, PageEngaged.class);
            if (engaged.pageviewId() != null && engaged.engagedMs() != null && engaged.engagedMs() >= 0) {
                batch.engagements().add(engaged);
            }
            return;
        }
        if (!PageViewed.TYPE.equals(event.type())) {
            return;
        }
        PageViewed data = EventData.read(json, event, PageViewed.class);
        // pageviewId equals ce_id by contract; ce_id stands in if a producer leaves it out
        String id = data.pageviewId() == null || data.pageviewId().isBlank() ? event.id() : data.pageviewId();
        String articleId = required(data.articleId(), "articleId", event);
        var viewedAt = required(data.viewedAt(), "viewedAt", event);
        String visitorKey = required(data.visitorKey(), "visitorKey", event);
        if (data.excluded() != null && !data.excluded().isBlank()) {
            batch.dropped().add(new DroppedHit(bounded(data.excluded()), viewedAt, record.partition(), record.offset()));
            return;
        }
        batch.views().add(new PageView(bounded(id), bounded(articleId), viewedAt, bounded(visitorKey),
                ReferrerHost.of(data.referrer()), traffic(data), record.partition(), record.offset(), null));
    }

    private Traffic traffic(PageViewed data) {
        Set<String> own = siteHosts;
        String pageHost = ReferrerHost.of(data.url());
        if (pageHost != null && !own.contains(pageHost)) {
            own = new java.util.HashSet<>(siteHosts);
            own.add(pageHost);
        }
        // Plausible's device classes come from the screen width; views without one (server side) from the agent
        String byScreen = Devices.ofScreenWidth(data.screenWidth());
        String device = byScreen != null ? byScreen : bounded(data.device());
        return new Traffic(TrafficSource.of(data.utmSource(), data.ref(), data.referrer(), own),
                TrafficSource.clean(data.utmCampaign()), bounded(data.browser()), bounded(data.os()), device);
    }

    /** Fields from outside are cut to a sane length so garbage cannot bloat documents or ids. */
    private static String bounded(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= MAX_CLIENT_FIELD * 4 ? value : value.substring(0, MAX_CLIENT_FIELD * 4);
    }
}
