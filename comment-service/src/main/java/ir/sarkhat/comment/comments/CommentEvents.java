package ir.sarkhat.comment.comments;

import java.time.Instant;

/**
 * The events this service publishes, on {@value #TOPIC}, keyed by article id. Their data follows
 * contracts/events/comment-*.v1.schema.json. No name, email or IP: events are not a place for personal data.
 */
final class CommentEvents {

    static final String TOPIC = "comment-events";
    static final String SUBMITTED = "sarkhat.comment.submitted.v1";
    static final String APPROVED = "sarkhat.comment.approved.v1";

    private CommentEvents() {
    }

    /** Data of {@code sarkhat.comment.submitted.v1}. */
    record CommentSubmittedV1(String commentId, String articleId, String parentId, CommentStatus status,
            Instant submittedAt) {
    }

    /** Data of {@code sarkhat.comment.approved.v1}. */
    record CommentApprovedV1(String commentId, String articleId, String parentId, Instant approvedAt,
            String approvedBy) {
    }
}
