package ir.sarkhat.analytics.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of sarkhat.comment.deleted.v1 this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommentDeleted(String commentId, String articleId, Instant deletedAt) {

    static final String TYPE = "sarkhat.comment.deleted.v1";
}
