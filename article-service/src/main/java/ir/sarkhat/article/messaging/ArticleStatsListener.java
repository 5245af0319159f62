package ir.sarkhat.article.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ir.sarkhat.article.stats.ArticleStatsStore;
import ir.sarkhat.article.stats.StatsUpdate;
import ir.sarkhat.kit.events.IncomingEvent;
import ir.sarkhat.kit.events.PoisonEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** {@code article-stats} → the article's readership totals. Other event types on the topic are ignored. */
@Component
class ArticleStatsListener {

    static final String STATS_UPDATED = "sarkhat.article.stats-updated.v1";
    private static final Logger log = LoggerFactory.getLogger(ArticleStatsListener.class);

    private final ArticleStatsStore stats;
    private final JsonMapper json;

    ArticleStatsListener(ArticleStatsStore stats, JsonMapper json) {
        this.stats = stats;
        this.json = json;
    }

    @KafkaListener(topics = "article-stats")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!STATS_UPDATED.equals(event.type())) {
            log.debug("Ignoring {} {} on {}", event.type(), event.id(), event.topic());
            return;
        }
        boolean changed = stats.apply(parse(event).toUpdate(event.id()));
        log.debug("Stats event {} {}", event.id(), changed ? "applied" : "was not newer: ignored");
    }

    private StatsUpdated parse(IncomingEvent event) {
        try {
            return json.readValue(event.data(), StatsUpdated.class);
        } catch (JacksonException e) {
            throw new PoisonEventException("Event " + event.id() + " is not a readable " + STATS_UPDATED, e);
        }
    }

    /** Tolerant reader: only the fields this service uses (uniqueVisitors, asOf… are ignored). */
    record StatsUpdated(String articleId, Long views, Long comments, Long version) {

        StatsUpdate toUpdate(String eventId) {
            if (articleId == null || articleId.isBlank() || views == null || comments == null || version == null
                    || views < 0 || comments < 0) {
                throw new PoisonEventException("Event " + eventId + " lacks articleId, views, comments or version");
            }
            return new StatsUpdate(articleId, views, comments, version);
        }
    }
}
