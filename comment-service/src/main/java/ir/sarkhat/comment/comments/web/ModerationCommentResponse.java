package ir.sarkhat.comment.comments.web;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.comment.comments.Comment;
import ir.sarkhat.comment.comments.CommentStatus;
import ir.sarkhat.comment.comments.ModeratedComment;

/** A comment as moderators see it: staff may see the author's email, and the body as typed. */
record ModerationCommentResponse(String id, String articleId, String articleTitle, String parentId,
        String authorName, String authorEmail, String body, CommentStatus status, Instant createdAt) {

    static ModerationCommentResponse of(ModeratedComment moderated) {
        Comment c = moderated.comment();
        return new ModerationCommentResponse(c.id(), c.articleId(), moderated.articleTitle(), c.parentId(),
                c.authorName(), c.authorEmail(), c.body(), c.status(), c.createdAt());
    }

    /** The moderation queue. */
    record Queue(List<ModerationCommentResponse> items) {
    }
}
