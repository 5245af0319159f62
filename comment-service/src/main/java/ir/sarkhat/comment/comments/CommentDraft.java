package ir.sarkhat.comment.comments;

/**
 * A new comment as a reader sent it, already validated and normalized by the web layer.
 *
 * @param honeypot   the hidden form field; people leave it empty
 * @param clientIp   the sender's address, used for flood control, bans and the stored prefix only
 */
public record CommentDraft(String authorName, String authorEmail, String authorUrl, String body, String parentId,
        String honeypot, boolean notifyApproval, boolean notifyReplies, String clientIp) {
}
