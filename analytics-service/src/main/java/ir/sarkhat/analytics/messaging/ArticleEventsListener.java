package ir.sarkhat.analytics.messaging;

import static ir.sarkhat.analytics.messaging.EventData.required;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ir.sarkhat.analytics.article.ArticleCatalog;
import ir.sarkhat.analytics.article.PublishedArticle;
import ir.sarkhat.kit.events.IncomingEvent;
import tools.jackson.databind.json.JsonMapper;

/** Keeps the article replica (titles and slugs for "most viewed") from article events. */
@Component
class ArticleEventsListener {

    static final String TOPIC = "article-events";

    private final ArticleCatalog catalog;
    private final JsonMapper json;

    ArticleEventsListener(ArticleCatalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @KafkaListener(topics = TOPIC)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!ArticlePublished.TYPE.equals(event.type())) {
            return;
        }
        ArticlePublished data = EventData.read(json, event, ArticlePublished.class);
        catalog.published(new PublishedArticle(required(data.articleId(), "articleId", event), data.title(),
                data.slug(), data.publishedAt()));
    }
}
