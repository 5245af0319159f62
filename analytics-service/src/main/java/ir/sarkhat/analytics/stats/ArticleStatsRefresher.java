package ir.sarkhat.analytics.stats;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

import ir.sarkhat.analytics.comment.CommentStates;
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

    ArticleTotals count(String articleId) {
        return new ArticleTotals(rollups.totalViews(articleId), visitors.allTimeVisitors(articleId),
                comments.approvedComments(articleId));
    }

    /** @return false when another writer got there first (the version moved on) */
    private boolean write(String articleId, long version, ArticleTotals totals) {
        Instant asOf = clock.instant();
        ArticleStatsUpdated event = new ArticleStatsUpdated(articleId, totals.views(), totals.uniqueVisitors(),
                totals.comments(), version + 1, asOf);
        Query sameVersion = Query.query(where("_id").is(articleId).and("version").is(version));
        Update update = new Update()
                .set("views", totals.views())
                .set("uniqueVisitors", totals.uniqueVisitors())
                .set("comments", totals.comments())
                .set("updatedAt", asOf)
                .inc("version", 1)
                .push("outbox", events.create(ArticleStatsUpdated.TOPIC, ArticleStatsUpdated.TYPE, articleId, event));
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
}
