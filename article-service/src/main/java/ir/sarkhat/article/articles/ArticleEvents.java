package ir.sarkhat.article.articles;

import java.time.Instant;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import ir.sarkhat.kit.events.OutboxEvent;
import ir.sarkhat.kit.events.OutboxEvents;
import ir.sarkhat.kit.events.OutboxRelay;

/** Builds the outbox entries of article events (topic article-events, key = article id) and nudges the relay. */
@Component
class ArticleEvents {

    static final String TOPIC = "article-events";

    private final OutboxEvents outboxEvents;
    private final OutboxRelay relay;

    ArticleEvents(OutboxEvents outboxEvents, OutboxRelay relay) {
        this.outboxEvents = outboxEvents;
        this.relay = relay;
    }

    Function<Article, OutboxEvent> published() {
        return a -> outboxEvents.create(TOPIC, ArticlePublished.TYPE, a.id(), ArticlePublished.of(a));
    }

    Function<Article, OutboxEvent> unpublished(Instant at) {
        return a -> outboxEvents.create(TOPIC, ArticleUnpublished.TYPE, a.id(), ArticleUnpublished.of(a, at));
    }

    OutboxEvent updated(Article article, String previousSlug) {
        return outboxEvents.create(TOPIC, ArticleUpdated.TYPE, article.id(), ArticleUpdated.of(article, previousSlug));
    }

    /** After a write that queued an event: send it soon rather than at the next poll. */
    void sendSoon() {
        relay.wakeUp();
    }
}
