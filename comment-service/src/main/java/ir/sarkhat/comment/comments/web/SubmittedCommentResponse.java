package ir.sarkhat.comment.comments.web;

import ir.sarkhat.comment.comments.CommentStatus;

/** Answer to a submission: the new comment's id and that it waits for moderation. */
record SubmittedCommentResponse(String id, CommentStatus status) {
}
