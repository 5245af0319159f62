package ir.sarkhat.analytics.pageview;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Stores page views exactly once and counts them; totals are always counted, never incremented. */
@Component
public class PageViewLog implements InitializingBean {

    private final MongoTemplate mongo;

    PageViewLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(PageView.COLLECTION);
        indexes.createIndex(new Index().on("articleId", Sort.Direction.ASC).on("viewedAt", Sort.Direction.ASC)
                .named("articleId_viewedAt"));
        indexes.createIndex(new Index().on("viewedAt", Sort.Direction.ASC).named("viewedAt"));
    }

    /** @return false when this view was stored before (a redelivery or replay): nothing changes then */
    public boolean record(PageView view) {
        try {
            mongo.insert(view, PageView.COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyStored) {
            return false;
        }
    }

    public long views(String articleId) {
        return mongo.count(Query.query(where("articleId").is(articleId)), PageView.COLLECTION);
    }

    /** Distinct visitor keys, counted in the database ($group twice) rather than fetched. */
    public long uniqueVisitors(String articleId) {
        Document result = mongo.aggregate(newAggregation(
                match(where("articleId").is(articleId)),
                group("visitorKey"),
                group().count().as("visitors")), PageView.COLLECTION, Document.class).getUniqueMappedResult();
        return result == null ? 0 : ((Number) result.get("visitors")).longValue();
    }
}
