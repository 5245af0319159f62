package ir.sarkhat.analytics.stats;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.mongodb.core.mapping.Document;

import ir.sarkhat.kit.events.OutboxEvent;

/**
 * The last published totals of one article. {@code version} grows by one with every change and is
 * the condition of every write; {@code outbox} holds the ArticleStatsUpdated events not yet relayed.
 */
@Document(ArticleStats.COLLECTION)
record ArticleStats(@MongoId(FieldType.STRING) String id, long views, long uniqueVisitors, long comments, long version, Instant updatedAt,
        List<OutboxEvent> outbox) {

    static final String COLLECTION = "article_stats";

    ArticleTotals totals() {
        return new ArticleTotals(views, uniqueVisitors, comments);
    }
}
