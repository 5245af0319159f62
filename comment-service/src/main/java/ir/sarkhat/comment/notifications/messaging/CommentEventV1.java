package ir.sarkhat.comment.notifications.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The notifications' reading of {@code sarkhat.comment.submitted.v1} and {@code sarkhat.comment.approved.v1}
 * (contracts/events/comment-*.v1.schema.json): only the id and, for submissions, the status. Everything
 * else is read from the comment document, which also holds what events must not carry (the email).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CommentEventV1(String commentId, String status) {
}
