package ir.sarkhat.comment.comments;

/** A new comment as a reader sent it, already validated and normalized by the web layer. */
public record CommentDraft(String authorName, String authorEmail, String body, String parentId) {
}
