package ir.sarkhat.analytics.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of sarkhat.comment.submitted.v1 this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommentSubmitted(String commentId, String articleId, String status) {

    static final String TYPE = "sarkhat.comment.submitted.v1";
}
