package ir.sarkhat.comment.comments.web;

import ir.sarkhat.comment.comments.CommentStatus;

/** Answer to a submission: the new comment's id and whether it is public (APPROVED) or waits (PENDING). */
record SubmittedCommentResponse(String id, CommentStatus status) {

    /** Spam is never revealed to the sender: it looks like any comment waiting for moderation. */
    static SubmittedCommentResponse of(String id, CommentStatus status) {
        return new SubmittedCommentResponse(id, status == CommentStatus.APPROVED ? status : CommentStatus.PENDING);
    }
}
