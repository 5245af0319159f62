package ir.sarkhat.analytics.comment;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per comment with its latest state. A submission only fills in a state that is not
 * there yet, so a late or redelivered submission never takes an approval back.
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

    /** A comment published without moderation (status APPROVED) counts at once, like an approval. */
    public void submitted(String commentId, String articleId, CommentStatus status) {
        if (status == CommentStatus.APPROVED) {
            approved(commentId, articleId);
            return;
        }
        mongo.upsert(byId(commentId),
                new Update().setOnInsert("articleId", articleId).setOnInsert("status", status.name()),
                CommentState.COLLECTION);
    }

    public void approved(String commentId, String articleId) {
        mongo.upsert(byId(commentId),
                new Update().set("articleId", articleId).set("status", CommentStatus.APPROVED.name()),
                CommentState.COLLECTION);
    }

    public long approvedComments(String articleId) {
        return mongo.count(Query.query(where("articleId").is(articleId).and("status").is(CommentStatus.APPROVED.name())),
                CommentState.COLLECTION);
    }

    private static Query byId(String commentId) {
        return Query.query(where("_id").is(commentId));
    }
}
