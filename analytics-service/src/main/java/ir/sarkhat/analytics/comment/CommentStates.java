package ir.sarkhat.analytics.comment;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per comment with its latest state and the position of the event that set it.
 * <ul>
 * <li>A submission is a comment's first event: it only creates a state that is not there yet, so a
 * late or redelivered submission never takes an approval (or a deletion) back.</li>
 * <li>Approved, rejected and deleted set the state only when the event is newer than the one last
 * applied: a later {@code eventAt}, or the same instant further on the same partition. A redelivered
 * or replayed older event changes nothing.</li>
 * <li>A deletion leaves a {@code DELETED} tombstone rather than removing the document, for the same
 * reason.</li>
 * </ul>
 * Each change is one single-document write (a conditional update, else an insert that collides on
 * {@code _id} when a state exists), so it needs no transaction.
 */
@Component
public class CommentStates implements InitializingBean {

    private final MongoTemplate mongo;

    CommentStates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(CommentState.COLLECTION).createIndex(new Index().on("articleId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).named("articleId_status"));
    }

    /** @return whether the state was created (false: the comment already had one) */
    public boolean submitted(String commentId, String articleId, CommentStatus status, EventPosition position) {
        return insert(commentId, articleId, status, position);
    }

    public boolean approved(String commentId, String articleId, EventPosition position) {
        return transition(commentId, articleId, CommentStatus.APPROVED, position);
    }

    /** Spam, trash or unapproved back to pending. */
    public boolean rejected(String commentId, String articleId, CommentStatus status, EventPosition position) {
        return transition(commentId, articleId, status, position);
    }

    public boolean deleted(String commentId, String articleId, EventPosition position) {
        return transition(commentId, articleId, CommentStatus.DELETED, position);
    }

    public long approvedComments(String articleId) {
        return mongo.count(Query.query(where("articleId").is(articleId).and("status").is(CommentStatus.APPROVED.name())),
                CommentState.COLLECTION);
    }

    /** Approved comments of each article now, in one read (0 for none). */
    public Map<String, Long> approvedComments(Collection<String> articleIds) {
        Map<String, Long> approved = new HashMap<>();
        articleIds.forEach(id -> approved.put(id, 0L));
        var pipeline = List.of(
                new Document("$match", new Document("articleId", new Document("$in",
                        new ArrayList<>(articleIds))).append("status", CommentStatus.APPROVED.name())),
                new Document("$group", new Document("_id", "$articleId")
                        .append("n", new Document("$sum", 1))));
        for (Document row : mongo.getCollection(CommentState.COLLECTION).aggregate(pipeline)) {
            approved.put(row.getString("_id"), ((Number) row.get("n")).longValue());
        }
        return approved;
    }

    /** @return whether the event was applied (false: an equal or newer one was applied before) */
    private boolean transition(String commentId, String articleId, CommentStatus status, EventPosition position) {
        Query olderState = Query.query(new Criteria().andOperator(where("_id").is(commentId), olderThan(position)));
        Update set = new Update().set("articleId", articleId).set("status", status.name())
                .set("eventAt", Date.from(position.time())).set("eventId", position.eventId())
                .set("partition", position.partition()).set("offset", position.offset());
        if (mongo.updateFirst(olderState, set, CommentState.class).getMatchedCount() > 0) {
            return true;
        }
        return insert(commentId, articleId, status, position);
    }

    private boolean insert(String commentId, String articleId, CommentStatus status, EventPosition position) {
        Document state = new Document("_id", commentId).append("articleId", articleId).append("status", status.name())
                .append("eventAt", Date.from(position.time())).append("eventId", position.eventId())
                .append("partition", position.partition()).append("offset", position.offset());
        try {
            mongo.insert(state, CommentState.COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    /** States written before positions were kept count as older than any event. */
    static Criteria olderThan(EventPosition position) {
        Date time = Date.from(position.time());
        return new Criteria().orOperator(
                where("eventAt").exists(false),
                where("eventAt").lt(time),
                where("eventAt").is(time).and("partition").is(position.partition())
                        .and("offset").lt(position.offset()).and("eventId").ne(position.eventId()));
    }
}
