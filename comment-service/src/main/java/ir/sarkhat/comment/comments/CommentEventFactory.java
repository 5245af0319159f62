package ir.sarkhat.comment.comments;

import java.time.Instant;

import org.springframework.stereotype.Component;

import ir.sarkhat.comment.comments.CommentEvents.CommentApprovedV1;
import ir.sarkhat.comment.comments.CommentEvents.CommentDeletedV1;
import ir.sarkhat.comment.comments.CommentEvents.CommentRejectedV1;
import ir.sarkhat.kit.events.OutboxEvent;
import ir.sarkhat.kit.events.OutboxEvents;

/** Outbox entries for comment events, with the public display fields CommentApproved carries. */
@Component
class CommentEventFactory {

    private final OutboxEvents outboxEvents;
    private final CommentBodyHtml bodyHtml;
    private final AvatarHashes avatars;

    CommentEventFactory(OutboxEvents outboxEvents, CommentBodyHtml bodyHtml, AvatarHashes avatars) {
        this.outboxEvents = outboxEvents;
        this.bodyHtml = bodyHtml;
        this.avatars = avatars;
    }

    OutboxEvent create(String articleId, String type, Object data) {
        return outboxEvents.create(CommentEvents.TOPIC, type, articleId, data);
    }

    OutboxEvent approved(Comment c, Instant approvedAt, String approvedBy) {
        return create(c.articleId(), CommentEvents.APPROVED, new CommentApprovedV1(c.id(), c.articleId(),
                c.parentId(), approvedAt, approvedBy, c.authorName(), c.authorUrl(), avatarOf(c),
                bodyHtml.render(c.body()), c.createdAt(), c.depth()));
    }

    OutboxEvent rejected(Comment c, CommentStatus to, String reason, Instant at, String moderator) {
        return create(c.articleId(), CommentEvents.REJECTED,
                new CommentRejectedV1(c.id(), c.articleId(), to, c.status(), reason, at, moderator));
    }

    OutboxEvent deleted(Comment c, Instant at) {
        return create(c.articleId(), CommentEvents.DELETED, new CommentDeletedV1(c.id(), c.articleId(), at));
    }

    /** Staff have no email here: their avatar is derived from the username. */
    String avatarOf(Comment c) {
        return avatars.of(c.staff() ? "staff:" + c.authorName() : c.authorEmail());
    }
}
