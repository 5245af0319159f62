package ir.sarkhat.comment.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of {@code sarkhat.article.updated.v1}: only what it uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ArticleUpdatedV1(String articleId, String slug, String title, Instant publishedAt, Instant updatedAt) {
}
