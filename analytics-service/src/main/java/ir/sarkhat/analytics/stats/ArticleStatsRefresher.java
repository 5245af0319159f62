package ir.sarkhat.analytics.stats;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.result.UpdateResult;

import ir.sarkhat.analytics.comment.CommentStates;
import ir.sarkhat.analytics.store.ByIds;
import ir.sarkhat.analytics.rollup.Rollups;
import ir.sarkhat.analytics.visitor.VisitorSketches;
import ir.sarkhat.kit.events.OutboxEvents;
import ir.sarkhat.kit.events.OutboxRelay;

/**
 * Reads an article's totals (its all-time rollup, its all-time visitor sketch, its approved comment states: a
 * constant cost, whatever the article's views) and, when they differ
 * from the stored ones, writes them with the next version and an ArticleStatsUpdated in the outbox,
 * all in one document write. Unchanged totals write nothing, so a replay publishes nothing.
 * <p>
 * Page-view and comment listeners run on different threads and may refresh the same article at
 * once: the write is conditioned on the version read <em>before</em> counting, and a lost race is
 * recounted, so the stored totals never go backwards.
 */
@Component
public class ArticleStatsRefresher {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Rollups rollups;
    private final VisitorSketches visitors;
    private final CommentStates comments;
    private final OutboxEvents events;
    private final OutboxRelay relay;
    private final Clock clock;

    ArticleStatsRefresher(MongoTemplate mongo, Rollups rollups, VisitorSketches visitors, CommentStates comments, OutboxEvents events,
            OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.rollups = rollups;
        this.visitors = visitors;
        this.comments = comments;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /** @return true when the totals changed and an ArticleStatsUpdated is on its way */
    public boolean refresh(String articleId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ArticleStats stored = mongo.findById(articleId, ArticleStats.class);
            long version = stored == null ? 0 : stored.version();
            ArticleTotals before = stored == null ? ArticleTotals.ZERO : stored.totals();
            ArticleTotals now = count(articleId);
            if (now.equals(before)) {
                return false;
            }
            if (write(articleId, version, now)) {
                relay.wakeUp();
                return true;
            }
        }
        throw new OptimisticLockingFailureException(
                "Stats of article " + articleId + " kept changing under " + ATTEMPTS + " attempts");
    }

    /**
     * {@link #refresh} for every article a batch touched, with one read per kind (stored totals, all-time rollups,
     * all-time sketches, approved comments) for all of them, the changed ones written in one bulk, and one relay
     * wake-up. A write that lost a race (the version moved on) is recounted alone by {@link #refresh}.
     *
     * @return how many articles' totals changed
     */
    public int refreshAll(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return 0;
        }
        Map<String, ArticleStats> stored = new HashMap<>();
        ByIds.find(mongo, List.copyOf(articleIds), ArticleStats.class).forEach(s -> stored.put(s.id(), s));
        Map<String, Long> views = rollups.totalViews(articleIds);
        Map<String, Long> uniques = visitors.allTimeVisitors(articleIds);
        Map<String, Long> approved = comments.approvedComments(articleIds);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ArticleStats.class);
        List<String> changed = new ArrayList<>();
        for (String articleId : articleIds) {
            ArticleStats before = stored.get(articleId);
            ArticleTotals now = new ArticleTotals(views.getOrDefault(articleId, 0L), uniques.getOrDefault(articleId, 0L),
                    approved.getOrDefault(articleId, 0L));
            if (!now.equals(before == null ? ArticleTotals.ZERO : before.totals())) {
                long version = before == null ? 0 : before.version();
                // version 0 matches no stored document, so that one inserts (a racing insert: duplicate key)
                bulk.upsert(sameVersion(articleId, version), update(articleId, version, now));
                changed.add(articleId);
            }
        }
        if (changed.isEmpty()) {
            return 0;
        }
        int applied;
        try {
            BulkWriteResult result = bulk.execute();
            applied = result.getMatchedCount() + result.getUpserts().size();
        } catch (BulkOperationException e) {
            applied = -1; // some lost a race to another writer
        }
        if (applied != changed.size()) {
            changed.forEach(this::refresh); // a recount finds the written ones unchanged and redoes the others
        }
        relay.wakeUp();
        return changed.size();
    }

    ArticleTotals count(String articleId) {
        return new ArticleTotals(rollups.totalViews(articleId), visitors.allTimeVisitors(articleId),
                comments.approvedComments(articleId));
    }

    /** @return false when another writer got there first (the version moved on) */
    private boolean write(String articleId, long version, ArticleTotals totals) {
        Query sameVersion = sameVersion(articleId, version);
        Update update = update(articleId, version, totals);
        if (version > 0) {
            return mongo.updateFirst(sameVersion, update, ArticleStats.class).getMatchedCount() == 1;
        }
        try {
            // First stats of this article: version 0 matches no stored document, so this inserts.
            UpdateResult result = mongo.upsert(sameVersion, update, ArticleStats.class);
            return result.getUpsertedId() != null || result.getMatchedCount() == 1;
        } catch (DuplicateKeyException anotherWriterInsertedFirst) {
            return false;
        }
    }

    private static Query sameVersion(String articleId, long version) {
        return Query.query(where("_id").is(articleId).and("version").is(version));
    }

    /** The totals with the next version, and their ArticleStatsUpdated in the outbox of the same document. */
    private Update update(String articleId, long version, ArticleTotals totals) {
        Instant asOf = clock.instant();
        ArticleStatsUpdated event = new ArticleStatsUpdated(articleId, totals.views(), totals.uniqueVisitors(),
                totals.comments(), version + 1, asOf);
        return new Update()
                .set("views", totals.views())
                .set("uniqueVisitors", totals.uniqueVisitors())
                .set("comments", totals.comments())
                .set("updatedAt", asOf)
                .inc("version", 1)
                .push("outbox", events.create(ArticleStatsUpdated.TOPIC, ArticleStatsUpdated.TYPE, articleId, event));
    }
}
