package ir.sarkhat.comment.comments;

/** Where a comment stands in moderation (WordPress's four states). */
public enum CommentStatus {
    /** Waiting for a moderator; visible to staff only. */
    PENDING,
    /** Public. */
    APPROVED,
    /** Judged spam by a rule or a moderator; never shown. */
    SPAM,
    /** Thrown away; restorable until purged after the retention period. */
    TRASH
}
