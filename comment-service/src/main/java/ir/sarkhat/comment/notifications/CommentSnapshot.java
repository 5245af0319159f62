package ir.sarkhat.comment.notifications;

import java.time.Instant;

/**
 * What notifications need to know about one comment, read from the {@code comments} document.
 *
 * @param rawId      the {@code _id} exactly as stored (ObjectId or string), for conditional writes
 * @param heldReason why the moderation policy held it, as moderators should read it (may be null)
 */
public record CommentSnapshot(Object rawId, String id, String articleId, String parentId, String authorName,
        String authorEmail, String body, String status, String heldReason, boolean notifyApproval,
        boolean notifyReplies, Instant createdAt) {
}
