package ir.sarkhat.comment.comments;

/** Where a comment stands in moderation. Issue #4 adds rejected, spam and deleted. */
public enum CommentStatus {
    /** Waiting for a moderator; visible to staff only. */
    PENDING,
    /** Public. */
    APPROVED
}
