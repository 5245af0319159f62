package ir.sarkhat.analytics.report;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ir.sarkhat.analytics.pageview.PageView;

/**
 * Exact distinct visitors counted from raw page views, for windows that are not whole days (realtime, 24 h) and for
 * breakdowns: two {@code $group} stages in the database, nothing fetched but the counts.
 */
@Component
class RawVisitors {

    private final MongoTemplate mongo;

    RawVisitors(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Distinct visitors per value of {@code field} (e.g. "articleId", "traffic.source") in [from, to). */
    Map<String, Long> byField(String field, Instant from, Instant to, String articleId, Collection<String> values) {
        Document match = new Document("viewedAt", new Document("$gte", Date.from(from)).append("$lt", Date.from(to)));
        if (articleId != null) {
            match.append("articleId", articleId);
        }
        if (values != null) {
            match.append(field, new Document("$in", values));
        }
        List<Document> pipeline = List.of(new Document("$match", match),
                new Document("$group", new Document("_id", new Document("v", "$" + field).append("k", "$visitorKey"))),
                new Document("$group", new Document("_id", "$_id.v").append("n", new Document("$sum", 1))));
        Map<String, Long> counts = new HashMap<>();
        for (Document row : mongo.getCollection(PageView.COLLECTION).aggregate(pipeline)) {
            counts.put(row.get("_id") == null ? null : row.get("_id").toString(), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    /** Distinct visitors in [from, to), of one article or (null) the site. */
    long total(Instant from, Instant to, String articleId) {
        Document match = new Document("viewedAt", new Document("$gte", Date.from(from)).append("$lt", Date.from(to)));
        if (articleId != null) {
            match.append("articleId", articleId);
        }
        List<Document> pipeline = List.of(new Document("$match", match),
                new Document("$group", new Document("_id", "$visitorKey")),
                new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))));
        Document row = mongo.getCollection(PageView.COLLECTION).aggregate(pipeline).first();
        return row == null ? 0 : ((Number) row.get("n")).longValue();
    }
}
