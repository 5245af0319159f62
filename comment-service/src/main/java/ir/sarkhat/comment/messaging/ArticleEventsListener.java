package ir.sarkhat.comment.messaging;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ir.sarkhat.comment.articles.ArticlePublication;
import ir.sarkhat.comment.articles.PublishedArticles;
import ir.sarkhat.kit.events.IncomingEvent;
import ir.sarkhat.kit.events.PoisonEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the published-articles replica from article-events: published and updated articles take
 * comments, unpublished ones do not. Types it does not know are skipped, not failed. Data it cannot
 * read goes to article-events-dlt at once.
 */
@Component
class ArticleEventsListener {

    static final String TOPIC = "article-events";
    static final String ARTICLE_PUBLISHED = "sarkhat.article.published.v1";
    static final String ARTICLE_UPDATED = "sarkhat.article.updated.v1";
    static final String ARTICLE_UNPUBLISHED = "sarkhat.article.unpublished.v1";

    private static final Logger log = LoggerFactory.getLogger(ArticleEventsListener.class);

    private final PublishedArticles articles;
    private final JsonMapper json;

    ArticleEventsListener(PublishedArticles articles, JsonMapper json) {
        this.articles = articles;
        this.json = json;
    }

    @KafkaListener(topics = TOPIC)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case ARTICLE_PUBLISHED -> {
                ArticlePublishedV1 data = read(event, ArticlePublishedV1.class, ArticlePublishedV1::articleId);
                articles.recordPublication(
                        new ArticlePublication(data.articleId(), data.slug(), data.title(), data.publishedAt()),
                        latest(data.publishedAt(), event.time()));
            }
            case ARTICLE_UPDATED -> {
                ArticleUpdatedV1 data = read(event, ArticleUpdatedV1.class, ArticleUpdatedV1::articleId);
                articles.recordPublication(
                        new ArticlePublication(data.articleId(), data.slug(), data.title(), data.publishedAt()),
                        latest(data.updatedAt(), data.publishedAt()));
            }
            case ARTICLE_UNPUBLISHED -> {
                ArticleUnpublishedV1 data = read(event, ArticleUnpublishedV1.class, ArticleUnpublishedV1::articleId);
                articles.recordUnpublication(data.articleId(), latest(data.unpublishedAt(), event.time()));
            }
            default -> log.debug("Skipping {} {}: not used here", event.type(), event.id());
        }
    }

    /**
     * When it happened: the data's own time, or the event's {@code ce_time} if later (a republished
     * article may keep its first publishedAt). Never null.
     */
    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b == null ? Instant.EPOCH : b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private <T> T read(IncomingEvent event, Class<T> type, java.util.function.Function<T, String> articleId) {
        T data;
        try {
            data = json.readValue(event.data(), type);
        } catch (JacksonException e) {
            throw new PoisonEventException("Event " + event.id() + " is not a readable " + type.getSimpleName(), e);
        }
        if (data == null || articleId.apply(data) == null || articleId.apply(data).isBlank()) {
            throw new PoisonEventException("Event " + event.id() + " has no articleId");
        }
        return data;
    }
}
