package ir.sarkhat.article.search.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ir.sarkhat.article.search.SearchIndexing;
import ir.sarkhat.kit.events.IncomingEvent;
import ir.sarkhat.kit.events.PoisonEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own {@code article-events}, read by a consumer group of its own, so search follows
 * publishing, edits and unpublishing without being called from the editorial code. Published and
 * updated re-read the article and index its current state; unpublished removes it. Both are
 * idempotent, so redelivery changes nothing. Other event types are ignored.
 */
@Component
class SearchIndexListener {

    static final String GROUP = "article-service-search";
    static final String PUBLISHED = "sarkhat.article.published.v1";
    static final String UPDATED = "sarkhat.article.updated.v1";
    static final String UNPUBLISHED = "sarkhat.article.unpublished.v1";
    private static final Logger log = LoggerFactory.getLogger(SearchIndexListener.class);

    private final SearchIndexing indexing;
    private final JsonMapper json;

    SearchIndexListener(SearchIndexing indexing, JsonMapper json) {
        this.indexing = indexing;
        this.json = json;
    }

    @KafkaListener(topics = "article-events", groupId = GROUP)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case PUBLISHED, UPDATED -> indexing.reindex(articleId(event));
            case UNPUBLISHED -> indexing.remove(articleId(event));
            default -> log.debug("Search ignores {} {}", event.type(), event.id());
        }
    }

    private String articleId(IncomingEvent event) {
        ArticleChanged data;
        try {
            data = json.readValue(event.data(), ArticleChanged.class);
        } catch (JacksonException e) {
            throw new PoisonEventException("Event " + event.id() + " is not a readable " + event.type(), e);
        }
        if (data.articleId() == null || data.articleId().isBlank()) {
            throw new PoisonEventException("Event " + event.id() + " has no articleId");
        }
        return data.articleId();
    }

    /** Tolerant reader: the three article events all carry {@code articleId}; search needs nothing else. */
    record ArticleChanged(String articleId) {
    }
}
