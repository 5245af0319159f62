package ir.sarkhat.comment.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's reading of {@code sarkhat.article.published.v1}
 * (contracts/events/article-published.v1.schema.json): only the fields it uses, anything else ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ArticlePublishedV1(String articleId, String slug, String title, Instant publishedAt) {
}
