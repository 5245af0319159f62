package ir.sarkhat.comment.comments;

import java.time.Instant;

/**
 * One moderator decision, kept inside the comment document so it is written in the same atomic
 * write as the change it records.
 *
 * @param action approve, unapprove, spam, trash, restore or edit
 */
public record AuditEntry(Instant at, String moderator, String action, CommentStatus from, CommentStatus to,
        String reason) {
}
