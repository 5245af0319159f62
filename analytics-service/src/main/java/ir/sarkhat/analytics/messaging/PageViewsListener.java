package ir.sarkhat.analytics.messaging;

import static ir.sarkhat.analytics.messaging.EventData.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import ir.sarkhat.analytics.pageview.PageView;
import ir.sarkhat.analytics.pageview.PageViewLog;
import ir.sarkhat.analytics.stats.ArticleStatsRefresher;
import ir.sarkhat.kit.events.IncomingEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes page views in batches: stores each one, then recounts every touched article once.
 * <p>
 * On a failure at index i the error handler commits the records before i and will not deliver them
 * again, so their articles are recounted first; a failed recount is reported at the first index of
 * its article, so that article's records come back and the recount is retried.
 */
@Component
class PageViewsListener {

    static final String TOPIC = "page-views";

    private final PageViewLog pageViews;
    private final ArticleStatsRefresher stats;
    private final JsonMapper json;

    PageViewsListener(PageViewLog pageViews, ArticleStatsRefresher stats, JsonMapper json) {
        this.pageViews = pageViews;
        this.stats = stats;
        this.json = json;
    }

    @KafkaListener(topics = TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        // article id -> index of its first record in this batch; insertion order = index order
        Map<String, Integer> touched = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                PageView view = pageView(records.get(i));
                if (view != null) {
                    pageViews.record(view);
                    touched.putIfAbsent(view.articleId(), i);
                }
            } catch (RuntimeException e) {
                recount(touched);
                throw new BatchListenerFailedException("Page view record " + i + " of the batch failed", e, i);
            }
        }
        recount(touched);
    }

    private void recount(Map<String, Integer> touched) {
        touched.forEach((articleId, firstIndex) -> {
            try {
                stats.refresh(articleId);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("Recounting article " + articleId + " failed", e, firstIndex);
            }
        });
    }

    /** @return null for event types this service does not read */
    private PageView pageView(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!PageViewed.TYPE.equals(event.type())) {
            return null;
        }
        PageViewed data = EventData.read(json, event, PageViewed.class);
        // pageviewId equals ce_id by contract; ce_id stands in if a producer leaves it out
        String id = data.pageviewId() == null || data.pageviewId().isBlank() ? event.id() : data.pageviewId();
        return PageView.of(id, required(data.articleId(), "articleId", event),
                required(data.viewedAt(), "viewedAt", event), required(data.visitorKey(), "visitorKey", event),
                data.referrer());
    }
}
