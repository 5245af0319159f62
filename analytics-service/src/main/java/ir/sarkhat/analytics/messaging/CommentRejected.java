package ir.sarkhat.analytics.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of sarkhat.comment.rejected.v1 this service reads: the comment's new status and when. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommentRejected(String commentId, String articleId, String status, Instant rejectedAt) {

    static final String TYPE = "sarkhat.comment.rejected.v1";
}
