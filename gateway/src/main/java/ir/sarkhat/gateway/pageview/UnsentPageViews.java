package ir.sarkhat.gateway.pageview;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code unsent_page_views}: page views Kafka did not take, {@code {_id: pageviewId, articleId, time, data, savedAt}}.
 * Keyed by the page view id, so saving the same one twice keeps one document.
 */
@Component
class UnsentPageViews {

    static final String COLLECTION = "unsent_page_views";

    private final ReactiveMongoTemplate mongo;

    UnsentPageViews(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> save(PageViewMessage message) {
        Document doc = new Document("_id", message.id())
                .append("articleId", message.articleId())
                .append("time", message.time())
                .append("data", message.json())
                .append("savedAt", Date.from(Instant.now()));
        return mongo.save(doc, COLLECTION).then();
    }

    Flux<PageViewMessage> oldest(int limit) {
        Query query = new Query().with(Sort.by(Sort.Order.asc("savedAt"), Sort.Order.asc("_id"))).limit(limit);
        return mongo.find(query, Document.class, COLLECTION)
                .map(doc -> new PageViewMessage(doc.getString("_id"), doc.getString("articleId"),
                        doc.getString("time"), doc.getString("data")));
    }

    Mono<Void> delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).then();
    }

    Mono<Long> count() {
        return mongo.count(new Query(), COLLECTION);
    }
}
