package ir.sarkhat.analytics.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of sarkhat.comment.approved.v1 this service reads (not the display fields). */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommentApproved(String commentId, String articleId, Instant approvedAt) {

    static final String TYPE = "sarkhat.comment.approved.v1";
}
