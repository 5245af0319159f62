package ir.sarkhat.analytics.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of sarkhat.comment.submitted.v1 this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommentSubmitted(String commentId, String articleId, String status, Instant submittedAt) {

    static final String TYPE = "sarkhat.comment.submitted.v1";
}
