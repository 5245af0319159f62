package ir.sarkhat.comment.comments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import ir.sarkhat.comment.articles.PublishedArticles;
import ir.sarkhat.comment.comments.CommentEvents.CommentSubmittedV1;
import ir.sarkhat.kit.events.OutboxEvent;
import ir.sarkhat.kit.events.OutboxEvents;
import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.problem.ApiProblem;

/** A reader submits a comment: it is stored as PENDING together with its CommentSubmitted event. */
@Service
public class CommentSubmission {

    private final MongoTemplate mongo;
    private final PublishedArticles articles;
    private final OutboxEvents outboxEvents;
    private final OutboxRelay relay;
    private final Clock clock;

    CommentSubmission(MongoTemplate mongo, PublishedArticles articles, OutboxEvents outboxEvents, OutboxRelay relay,
            Clock clock) {
        this.mongo = mongo;
        this.articles = articles;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
        this.clock = clock;
    }

    public Comment submit(String articleId, CommentDraft draft) {
        articles.requireOpenForComments(articleId);
        if (draft.parentId() != null && !isCommentOn(articleId, draft.parentId())) {
            throw ApiProblem.badRequest("parentId: there is no such comment on this article.");
        }
        String id = new ObjectId().toHexString();
        // MongoDB keeps milliseconds: the event and the stored comment carry the same instant.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        OutboxEvent submitted = outboxEvents.create(CommentEvents.TOPIC, CommentEvents.SUBMITTED, articleId,
                new CommentSubmittedV1(id, articleId, draft.parentId(), CommentStatus.PENDING, now));
        Comment saved = mongo.insert(Comment.pending(id, articleId, draft, now, submitted));
        relay.wakeUp();
        return saved;
    }

    private boolean isCommentOn(String articleId, String commentId) {
        return mongo.exists(query(where("_id").is(commentId).and("articleId").is(articleId)), Comment.class);
    }
}
