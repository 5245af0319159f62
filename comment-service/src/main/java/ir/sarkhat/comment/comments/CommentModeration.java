package ir.sarkhat.comment.comments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import ir.sarkhat.comment.articles.PublishedArticles;
import ir.sarkhat.comment.comments.CommentEvents.CommentApprovedV1;
import ir.sarkhat.kit.events.OutboxEvent;
import ir.sarkhat.kit.events.OutboxEvents;
import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.problem.ApiProblem;

/** The moderation queue and the moderators' decisions. */
@Service
public class CommentModeration {

    static final int QUEUE_LIMIT = 100;

    private final MongoTemplate mongo;
    private final PublishedArticles articles;
    private final OutboxEvents outboxEvents;
    private final OutboxRelay relay;
    private final Clock clock;

    CommentModeration(MongoTemplate mongo, PublishedArticles articles, OutboxEvents outboxEvents, OutboxRelay relay,
            Clock clock) {
        this.mongo = mongo;
        this.articles = articles;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
        this.clock = clock;
    }

    /** Up to {@value #QUEUE_LIMIT} comments in this status, newest first. */
    public List<ModeratedComment> queue(CommentStatus status) {
        Query query = query(where("status").is(status))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(QUEUE_LIMIT);
        List<Comment> comments = mongo.find(query, Comment.class);
        Set<String> articleIds = comments.stream().map(Comment::articleId).collect(Collectors.toSet());
        Map<String, String> titles = articles.titlesOf(articleIds);
        return comments.stream().map(c -> new ModeratedComment(c, titles.get(c.articleId()))).toList();
    }

    /**
     * Makes the comment public. Only the write that moves it from PENDING emits CommentApproved, so
     * approving twice, or two moderators at once, gives one event; the others get the approved comment.
     */
    public ModeratedComment approve(String commentId, String moderator) {
        Comment current = find(commentId);
        if (current.status() == CommentStatus.APPROVED) {
            return withTitle(current);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        OutboxEvent approved = outboxEvents.create(CommentEvents.TOPIC, CommentEvents.APPROVED, current.articleId(),
                new CommentApprovedV1(current.id(), current.articleId(), current.parentId(), now, moderator));
        Update update = new Update()
                .set("status", CommentStatus.APPROVED)
                .set("approvedAt", now)
                .set("approvedBy", moderator)
                .push("outbox", approved)
                .inc("version", 1);
        Comment updated = mongo.findAndModify(
                query(where("_id").is(commentId).and("status").is(CommentStatus.PENDING)), update,
                FindAndModifyOptions.options().returnNew(true), Comment.class);
        if (updated == null) {
            // Someone else moved it first; their write carried the event.
            return withTitle(find(commentId));
        }
        relay.wakeUp();
        return withTitle(updated);
    }

    private Comment find(String commentId) {
        Comment comment = mongo.findById(commentId, Comment.class);
        if (comment == null) {
            throw ApiProblem.notFound("There is no comment with this id.");
        }
        return comment;
    }

    private ModeratedComment withTitle(Comment comment) {
        return new ModeratedComment(comment, articles.titlesOf(Set.of(comment.articleId())).get(comment.articleId()));
    }
}
