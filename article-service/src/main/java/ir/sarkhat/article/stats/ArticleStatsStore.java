package ir.sarkhat.article.stats;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Keeps the newest readership totals per article; applying an update twice, or an older one, changes nothing. */
@Service
public class ArticleStatsStore {

    private final MongoTemplate mongo;

    ArticleStatsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * One conditional upsert: it matches only a document with an older version (or none, then it
     * inserts). When a newer or equal version is stored, the insert collides on {@code _id} and the
     * update is stale.
     *
     * @return whether the totals changed
     */
    public boolean apply(StatsUpdate update) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(update.articleId())
                .and("version").lt(update.version()));
        Update set = new Update().set("views", update.views()).set("comments", update.comments())
                .set("version", update.version());
        try {
            mongo.upsert(olderOrMissing, set, ArticleStats.COLLECTION);
            return true;
        } catch (DuplicateKeyException stale) {
            return false;
        }
    }

    public Readership of(String articleId) {
        ArticleStats stats = mongo.findById(articleId, ArticleStats.class);
        return stats == null ? Readership.NONE : new Readership(stats.views(), stats.comments());
    }

    /** Totals for several articles at once; articles without any yet are missing from the map. */
    public Map<String, Readership> of(Collection<String> articleIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(articleIds)), ArticleStats.class).stream()
                .collect(Collectors.toMap(ArticleStats::articleId,
                        s -> new Readership(s.views(), s.comments()), (a, b) -> a, java.util.HashMap::new));
    }
}
