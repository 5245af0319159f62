package ir.sarkhat.analytics.comment;

import java.util.Locale;

/** A comment's moderation state as comment-service announces it; only APPROVED counts. */
public enum CommentStatus {
    PENDING, APPROVED, SPAM, TRASH,
    /** Removed for good: kept as a tombstone so a redelivered older event cannot bring the comment back. */
    DELETED;

    /** Reads a status from an event; an unknown or missing one counts as waiting for moderation. */
    public static CommentStatus fromEvent(String value) {
        if (value == null) {
            return PENDING;
        }
        try {
            CommentStatus status = valueOf(value.strip().toUpperCase(Locale.ROOT));
            // No event sets DELETED through a status field: only CommentDeleted does.
            return status == DELETED ? PENDING : status;
        } catch (IllegalArgumentException unknown) {
            return PENDING;
        }
    }
}
