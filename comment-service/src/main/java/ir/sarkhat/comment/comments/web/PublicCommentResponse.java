package ir.sarkhat.comment.comments.web;

import java.time.Instant;
import java.util.List;

/**
 * One public comment. No email and no IP: {@code avatarHash} is a stable identity that cannot be
 * turned back into the email.
 */
record PublicCommentResponse(String id, String parentId, String authorName, String avatarHash, String bodyHtml,
        Instant createdAt) {

    /** An article's public comments. */
    record Thread(List<PublicCommentResponse> items, int count) {
    }
}
