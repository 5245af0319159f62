package ir.sarkhat.comment.comments.web;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.comment.comments.Comment;
import ir.sarkhat.comment.comments.CommentStatus;
import ir.sarkhat.comment.comments.Hold;
import ir.sarkhat.comment.comments.ModeratedComment;

/**
 * A comment as moderators see it: the author's email and network prefix, the body as typed and as
 * readers get it, and why a rule held it ({@code heldBy}).
 */
record ModerationCommentResponse(String id, String articleId, String articleTitle, String parentId, String inReplyTo,
        int depth, String authorName, String authorEmail, String authorUrl, String ipPrefix, boolean staff,
        String body, String bodyHtml, CommentStatus status, List<Hold> heldBy, boolean notifyApproval,
        boolean notifyReplies, Instant createdAt, Instant approvedAt, String approvedBy, Instant trashedAt,
        Instant editedAt) {

    static ModerationCommentResponse of(ModeratedComment moderated, String bodyHtml) {
        Comment c = moderated.comment();
        return new ModerationCommentResponse(c.id(), c.articleId(), moderated.articleTitle(), c.parentId(),
                c.inReplyTo(), c.depth(), c.authorName(), c.authorEmail(), c.authorUrl(), c.ipPrefix(), c.staff(),
                c.body(), bodyHtml, c.status(), c.heldBy() == null ? List.of() : c.heldBy(), c.notifyApproval(),
                c.notifyReplies(), c.createdAt(), c.approvedAt(), c.approvedBy(), c.trashedAt(), c.editedAt());
    }

    /** The moderation queue, newest first. */
    record Queue(List<ModerationCommentResponse> items, String nextCursor) {
    }
}
