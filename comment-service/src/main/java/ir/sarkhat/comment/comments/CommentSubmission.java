package ir.sarkhat.comment.comments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import ir.sarkhat.comment.articles.PublishedArticle;
import ir.sarkhat.comment.articles.PublishedArticles;
import ir.sarkhat.comment.comments.CommentEvents.CommentSubmittedV1;
import ir.sarkhat.comment.comments.ModerationPolicy.Decision;
import ir.sarkhat.kit.events.OutboxEvent;
import ir.sarkhat.kit.events.OutboxEvents;
import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * A reader submits a comment. Checks run cheapest-first and nothing is written before they pass:
 * article open, parent, duplicate, flood; then the policy decides PENDING, APPROVED or SPAM and the
 * comment is inserted together with its events in one write.
 */
@Service
public class CommentSubmission {

    static final String DUPLICATE = "You have already posted this comment.";

    private final MongoTemplate mongo;
    private final PublishedArticles articles;
    private final ModerationPolicy policy;
    private final FloodGuard flood;
    private final CommentEventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final int closeAfterDays;

    CommentSubmission(MongoTemplate mongo, PublishedArticles articles, ModerationPolicy policy, FloodGuard flood,
            CommentEventFactory events, OutboxRelay relay, Clock clock, CommentsProperties properties) {
        this.mongo = mongo;
        this.articles = articles;
        this.policy = policy;
        this.flood = flood;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
        this.closeAfterDays = properties.closeAfterDays();
    }

    public Comment submit(String articleId, CommentDraft draft) {
        Instant now = now();
        requireOpen(articleId, now);
        Thread thread = place(articleId, draft.parentId());
        String fingerprint = fingerprint(articleId, draft.parentId(), draft.authorEmail(), draft.body());
        boolean honeypot = draft.honeypot() != null && !draft.honeypot().isBlank();
        if (!honeypot) {
            if (mongo.exists(query(where("fingerprint").is(fingerprint)), Comment.class)) {
                throw ApiProblem.conflict(DUPLICATE);
            }
            flood.admit(draft.clientIp(), draft.authorEmail());
        }
        Decision decision = policy.decide(draft);
        String id = new ObjectId().toHexString();
        Comment comment = new Comment(id, articleId, thread.parentId(), draft.parentId(),
                thread.rootId() == null ? id : thread.rootId(), thread.ancestors(), thread.depth(), draft.authorName(),
                draft.authorEmail(), draft.authorUrl(), false, draft.body(), decision.status(), null,
                decision.holds(), IpPrefixes.of(draft.clientIp()), draft.notifyApproval(), draft.notifyReplies(),
                honeypot ? "honeypot:" + id : fingerprint, now,
                decision.status() == CommentStatus.APPROVED ? now : null, null, null, null, null, List.of(), null,
                List.of());
        try {
            return insertWithEvents(comment, null);
        } catch (DuplicateKeyException e) {
            // Two identical submissions at once: the unique fingerprint let one through.
            throw ApiProblem.conflict(DUPLICATE);
        }
    }

    /** A moderator's reply: public at once, marked as staff, the moderator's username as the author. */
    public Comment staffReply(String parentId, String body, String moderator) {
        Comment parent = mongo.findById(parentId, Comment.class);
        if (parent == null) {
            throw ApiProblem.notFound("There is no comment with this id.");
        }
        if (parent.status() != CommentStatus.APPROVED) {
            throw ApiProblem.conflict("Only approved comments can be answered. Approve this comment first.");
        }
        Instant now = now();
        Thread thread = place(parent.articleId(), parent.id());
        String id = new ObjectId().toHexString();
        Comment reply = new Comment(id, parent.articleId(), thread.parentId(), parent.id(), thread.rootId(),
                thread.ancestors(), thread.depth(), moderator, null, null, true, body, CommentStatus.APPROVED, null,
                List.of(), null, false, false, fingerprint(parent.articleId(), parent.id(), "staff:" + moderator, body),
                now, now, moderator, null, null, null, List.of(), null, List.of());
        try {
            return insertWithEvents(reply, moderator);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict(DUPLICATE);
        }
    }

    /** Inserts the comment with CommentSubmitted (and CommentApproved when it is public) in the same write. */
    Comment insertWithEvents(Comment comment, String approvedBy) {
        List<OutboxEvent> outbox = new ArrayList<>();
        outbox.add(events.create(comment.articleId(), CommentEvents.SUBMITTED,
                new CommentSubmittedV1(comment.id(), comment.articleId(), comment.parentId(), comment.status(),
                        comment.createdAt())));
        if (comment.status() == CommentStatus.APPROVED) {
            // Consumers need only CommentApproved to make a comment public.
            outbox.add(events.approved(comment, comment.createdAt(), approvedBy));
        }
        Comment saved = mongo.insert(new Comment(comment.id(), comment.articleId(), comment.parentId(),
                comment.inReplyTo(), comment.rootId(), comment.ancestors(), comment.depth(), comment.authorName(),
                comment.authorEmail(), comment.authorUrl(), comment.staff(), comment.body(), comment.status(), null,
                comment.heldBy(), comment.ipPrefix(), comment.notifyApproval(), comment.notifyReplies(),
                comment.fingerprint(), comment.createdAt(), comment.approvedAt(), approvedBy, null, null, null,
                List.of(), null, outbox));
        relay.wakeUp();
        return saved;
    }

    private void requireOpen(String articleId, Instant now) {
        PublishedArticle article = articles.require(articleId);
        if (!article.commentsOpen()) {
            throw ApiProblem.forbidden("Comments on this article are closed.");
        }
        if (closeAfterDays > 0 && article.publishedAt() != null
                && article.publishedAt().plus(Duration.ofDays(closeAfterDays)).isBefore(now)) {
            throw ApiProblem.forbidden("Comments on this article closed " + closeAfterDays
                    + " days after publication.");
        }
    }

    /** Where a new comment hangs: under the parent, or beside it when the parent is at the deepest level. */
    record Thread(String parentId, String rootId, List<String> ancestors, int depth) {

        static final Thread TOP = new Thread(null, null, List.of(), 0);

        /** Under {@code parent}; beside it when the parent is already at the deepest level. */
        static Thread under(Comment parent) {
            List<String> parentAncestors = parent.ancestors() == null ? List.of() : parent.ancestors();
            if (parent.depth() >= Comment.MAX_DEPTH) {
                // Deeper replies attach to the depth-5 comment's own parent: a sibling at depth 5.
                return new Thread(parent.parentId(), parent.rootId(), parentAncestors, parent.depth());
            }
            List<String> ancestors = new ArrayList<>(parentAncestors);
            ancestors.add(parent.id());
            return new Thread(parent.id(), parent.rootId() == null ? parent.id() : parent.rootId(), ancestors,
                    parent.depth() + 1);
        }
    }

    private Thread place(String articleId, String parentId) {
        if (parentId == null) {
            return Thread.TOP;
        }
        Comment parent = mongo.findOne(query(where("_id").is(parentId).and("articleId").is(articleId)), Comment.class);
        if (parent == null) {
            throw ApiProblem.badRequest("parentId: there is no such comment on this article.");
        }
        if (parent.status() != CommentStatus.APPROVED) {
            throw ApiProblem.badRequest("parentId: only published comments can be answered.");
        }
        return Thread.under(parent);
    }

    private Instant now() {
        // MongoDB keeps milliseconds: the events and the stored comment carry the same instant.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static String fingerprint(String articleId, String parentId, String email, String body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] { articleId, parentId, email, body }) {
                sha256.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
