package ir.sarkhat.comment.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import ir.sarkhat.comment.comments.CommentModeration;
import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.problem.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the signed links from mails. {@link #preview} only reads (mail scanners fetch links to look
 * at them: a GET must never approve anything); {@link #perform} acts, and acting twice changes nothing.
 * Approval goes through the comment feature's own use case, so it emits CommentApproved exactly as the
 * console does. Spam is the same kind of conditional single-document write: PENDING → SPAM, the
 * CommentRejected event pushed to the document's outbox, version incremented.
 */
@Service
public class ModerationLinks {

    /** Stands in for the moderator's name in events: the link proves a moderator's mailbox, not who. */
    static final String ACTOR = "email-link";
    static final String TOPIC = "comment-events";
    static final String REJECTED = "sarkhat.comment.rejected.v1";

    private final SignedLinks links;
    private final CommentDocuments documents;
    private final CommentModeration moderation;
    private final Unsubscriptions unsubscriptions;
    private final OutboxRelay relay;
    private final JsonMapper json;
    private final Clock clock;

    ModerationLinks(SignedLinks links, CommentDocuments documents, CommentModeration moderation,
            Unsubscriptions unsubscriptions, OutboxRelay relay, JsonMapper json, Clock clock) {
        this.links = links;
        this.documents = documents;
        this.moderation = moderation;
        this.unsubscriptions = unsubscriptions;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
    }

    /** What the link would do, without doing it. */
    public LinkOutcome preview(String token) {
        LinkClaim claim = links.verify(token);
        CommentSnapshot comment = require(claim);
        return new LinkOutcome(claim.action(), comment, isDone(claim.action(), comment));
    }

    /** Does what the link says. */
    public LinkOutcome perform(String token) {
        LinkClaim claim = links.verify(token);
        CommentSnapshot comment = require(claim);
        if (isDone(claim.action(), comment)) {
            return new LinkOutcome(claim.action(), comment, true);
        }
        switch (claim.action()) {
            case APPROVE -> moderation.approve(comment.id(), ACTOR);
            case SPAM -> markSpam(comment);
            case UNSUBSCRIBE -> unsubscriptions.unsubscribe(comment.authorEmail());
        }
        // Re-read: if the console moved it first, require() answers 409 with its new status.
        return new LinkOutcome(claim.action(), require(claim), false);
    }

    private CommentSnapshot require(LinkClaim claim) {
        CommentSnapshot comment = documents.comment(claim.commentId())
                .orElseThrow(() -> ApiProblem.notFound("The comment this link is about no longer exists."));
        boolean moderating = claim.action() != LinkAction.UNSUBSCRIBE;
        if (moderating && !isDone(claim.action(), comment) && !"PENDING".equals(comment.status())) {
            throw ApiProblem.conflict("This comment was already moderated: it is " + comment.status()
                    + " now. Use the moderation console to change it.");
        }
        return comment;
    }

    private boolean isDone(LinkAction action, CommentSnapshot comment) {
        return switch (action) {
            case APPROVE -> "APPROVED".equals(comment.status());
            case SPAM -> "SPAM".equals(comment.status());
            case UNSUBSCRIBE -> unsubscriptions.isUnsubscribed(comment.authorEmail());
        };
    }

    private void markSpam(CommentSnapshot comment) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commentId", comment.id());
        data.put("articleId", comment.articleId());
        data.put("status", "SPAM");
        data.put("previousStatus", "PENDING");
        data.put("reason", "Marked as spam from the moderators' email link");
        data.put("rejectedAt", now.toString());
        data.put("rejectedBy", ACTOR);
        Document event = new Document("eventId", UUID.randomUUID().toString()).append("topic", TOPIC)
                .append("key", comment.articleId()).append("type", REJECTED).append("time", Date.from(now))
                .append("data", json.writeValueAsString(data));
        // Conditional on PENDING: two clicks, or a click racing the console, emit one event.
        var result = documents.collection().updateOne(
                Filters.and(Filters.eq("_id", comment.rawId()), Filters.eq("status", "PENDING")),
                Updates.combine(Updates.set("status", "SPAM"), Updates.set("moderatedAt", Date.from(now)),
                        Updates.set("moderatedBy", ACTOR), Updates.push("outbox", event), Updates.inc("version", 1)));
        if (result.getModifiedCount() == 1) {
            relay.wakeUp();
        }
    }
}
