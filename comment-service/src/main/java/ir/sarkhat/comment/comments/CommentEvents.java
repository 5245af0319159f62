package ir.sarkhat.comment.comments;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The events this service publishes, on {@value #TOPIC}, keyed by article id. Their data follows
 * contracts/events/comment-*.v1.schema.json. No email or IP: events are not a place for personal
 * data; CommentApproved carries only what is public anyway (name, website, avatar hash, body).
 */
final class CommentEvents {

    static final String TOPIC = "comment-events";
    static final String SUBMITTED = "sarkhat.comment.submitted.v1";
    static final String APPROVED = "sarkhat.comment.approved.v1";
    static final String REJECTED = "sarkhat.comment.rejected.v1";
    static final String DELETED = "sarkhat.comment.deleted.v1";

    private CommentEvents() {
    }

    /** Data of {@code sarkhat.comment.submitted.v1}. */
    record CommentSubmittedV1(String commentId, String articleId, String parentId, CommentStatus status,
            Instant submittedAt) {
    }

    /** Data of {@code sarkhat.comment.approved.v1}; {@code approvedBy} is left out when a rule approved it. */
    record CommentApprovedV1(String commentId, String articleId, String parentId, Instant approvedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String approvedBy, String authorName, String authorUrl,
            String avatarHash, String bodyHtml, Instant createdAt, int depth) {
    }

    /** Data of {@code sarkhat.comment.rejected.v1}: the comment left the public list or the queue. */
    record CommentRejectedV1(String commentId, String articleId, CommentStatus status, CommentStatus previousStatus,
            String reason, Instant rejectedAt, String rejectedBy) {
    }

    /** Data of {@code sarkhat.comment.deleted.v1}. */
    record CommentDeletedV1(String commentId, String articleId, Instant deletedAt) {
    }
}
