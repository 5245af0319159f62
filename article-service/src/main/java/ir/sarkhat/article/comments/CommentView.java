package ir.sarkhat.article.comments;

/**
 * One comment ready for the template: {@code indent} is its place in the thread (0–5), the avatar
 * is the name's first letter on a colour taken from the commenter's hash (no call to Gravatar).
 */
public record CommentView(String id, String authorName, String authorUrl, String avatarLetter, int avatarHue,
        String bodyHtml, String createdAtIso, String createdAtJalali, int indent) {
}
