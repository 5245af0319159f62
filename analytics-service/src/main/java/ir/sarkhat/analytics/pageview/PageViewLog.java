package ir.sarkhat.analytics.pageview;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.bulk.BulkWriteError;

import ir.sarkhat.analytics.store.ByIds;

/**
 * Raw page views, kept for a bounded time (a TTL index on {@code viewedAt}) so rollups can be rebuilt and sessions
 * and realtime readers can be counted. Stored exactly once per pageviewId.
 */
@Component
public class PageViewLog implements InitializingBean {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Duration retention;

    PageViewLog(MongoTemplate mongo, AnalyticsRetention retention) {
        this.mongo = mongo;
        this.retention = retention.rawPageViews();
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(PageView.COLLECTION);
        indexes.createIndex(new Index().on("articleId", Sort.Direction.ASC).on("viewedAt", Sort.Direction.ASC)
                .named("articleId_viewedAt"));
        // Issue #2's plain index on the same key would make MongoDB refuse the TTL one (IndexOptionsConflict).
        if (indexes.getIndexInfo().stream().anyMatch(i -> "viewedAt".equals(i.getName()))) {
            indexes.dropIndex("viewedAt");
        }
        indexes.createIndex(new Index().on("viewedAt", Sort.Direction.ASC).named("viewedAt_ttl")
                .expire(retention));
    }

    /**
     * Inserts the views in one unordered bulk write and returns those this batch owns: newly inserted ones, and
     * ones an earlier delivery of the <em>same record</em> inserted (a redelivery after a crash must still reach
     * the rollups, whose watermarks keep it from counting twice). A view stored by another record is not owned.
     */
    public List<PageView> insertOwned(List<PageView> views) {
        if (views.isEmpty()) {
            return List.of();
        }
        Set<Integer> duplicates = new HashSet<>();
        try {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PageView.COLLECTION);
            bulk.insert(views);
            bulk.execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
        }
        if (duplicates.isEmpty()) {
            return views;
        }
        Map<String, PageView> stored = storedById(duplicates.stream().map(i -> views.get(i).id()).toList());
        List<PageView> owned = new ArrayList<>(views.size());
        for (int i = 0; i < views.size(); i++) {
            PageView view = views.get(i);
            PageView first = stored.get(view.id());
            if (!duplicates.contains(i) || first != null && first.storedBy(view.partition(), view.offset())) {
                owned.add(view);
            }
        }
        return owned;
    }

    private Map<String, PageView> storedById(List<String> ids) {
        Map<String, PageView> byId = new HashMap<>();
        for (PageView view : ByIds.find(mongo, ids, PageView.class)) {
            byId.put(view.id(), view);
        }
        return byId;
    }

    /** Raises a stored view's visible time (pings repeat and may come late: the largest one holds). */
    public void engaged(String pageviewId, long engagedMs) {
        mongo.updateFirst(Query.query(where("_id").is(pageviewId)),
                new org.springframework.data.mongodb.core.query.Update().max("engagedMs", engagedMs), PageView.COLLECTION);
    }

    /** Views in [from, to), optionally of one article, oldest first; streamed so a long range does not fill memory. */
    public java.util.stream.Stream<PageView> between(Instant from, Instant to, String articleId) {
        Query query = Query.query(articleId == null
                ? where("viewedAt").gte(from).lt(to)
                : where("articleId").is(articleId).and("viewedAt").gte(from).lt(to));
        return mongo.stream(query.with(Sort.by("viewedAt")), PageView.class);
    }
}
