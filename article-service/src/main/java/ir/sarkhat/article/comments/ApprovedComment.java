package ir.sarkhat.article.comments;

import java.time.Instant;

/** A comment that became public, with the display fields CommentApproved carries (none of them trusted as HTML-safe). */
public record ApprovedComment(String commentId, String articleId, String parentId, Integer depth, String authorName,
        String authorUrl, String avatarHash, String bodyHtml, Instant createdAt) {
}
