package ir.sarkhat.comment.messaging;

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
 * Keeps the published-articles replica from article-events. Types it does not know (later article
 * events) are skipped, not failed. Data it cannot read goes to article-events-dlt at once.
 */
@Component
class ArticleEventsListener {

    static final String TOPIC = "article-events";
    static final String ARTICLE_PUBLISHED = "sarkhat.article.published.v1";

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
        if (!ARTICLE_PUBLISHED.equals(event.type())) {
            log.debug("Skipping {} {}: not used here", event.type(), event.id());
            return;
        }
        ArticlePublishedV1 data = read(event);
        articles.recordPublication(
                new ArticlePublication(data.articleId(), data.slug(), data.title(), data.publishedAt()));
    }

    private ArticlePublishedV1 read(IncomingEvent event) {
        ArticlePublishedV1 data;
        try {
            data = json.readValue(event.data(), ArticlePublishedV1.class);
        } catch (JacksonException e) {
            throw new PoisonEventException("Event " + event.id() + " is not a readable ArticlePublished", e);
        }
        if (data == null || data.articleId() == null || data.articleId().isBlank()) {
            throw new PoisonEventException("Event " + event.id() + " has no articleId");
        }
        return data;
    }
}
