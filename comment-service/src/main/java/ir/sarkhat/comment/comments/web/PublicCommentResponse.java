package ir.sarkhat.comment.comments.web;

import java.time.Instant;
import java.util.List;

/**
 * One public comment with its public replies. No email and no IP: {@code avatarHash} is a stable
 * identity that cannot be turned back into the email. {@code authorUrl} is to be linked with
 * {@code rel="ugc nofollow noopener"}.
 */
record PublicCommentResponse(String id, String parentId, int depth, String authorName, String authorUrl,
        String avatarHash, String bodyHtml, Instant createdAt, boolean staff, List<PublicCommentResponse> replies) {

    /** One page of an article's threads; {@code count} is every approved comment of the article. */
    record Thread(List<PublicCommentResponse> items, long count, String nextCursor) {
    }

    record Count(String articleId, long count) {
    }
}
