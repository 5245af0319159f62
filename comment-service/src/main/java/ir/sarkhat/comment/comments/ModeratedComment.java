package ir.sarkhat.comment.comments;

/** A comment as moderators see it, with the title of its article (null if the replica lacks it). */
public record ModeratedComment(Comment comment, String articleTitle) {
}
