package ir.sarkhat.comment.articles;

import java.time.Instant;

/** An article became visible to readers (from ArticlePublished). */
public record ArticlePublication(String articleId, String slug, String title, Instant publishedAt) {
}
