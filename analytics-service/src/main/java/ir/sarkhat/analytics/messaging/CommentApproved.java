package ir.sarkhat.analytics.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of sarkhat.comment.approved.v1 this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommentApproved(String commentId, String articleId) {

    static final String TYPE = "sarkhat.comment.approved.v1";
}
