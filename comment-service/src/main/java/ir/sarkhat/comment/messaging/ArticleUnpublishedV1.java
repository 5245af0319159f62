package ir.sarkhat.comment.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of {@code sarkhat.article.unpublished.v1}: only what it uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ArticleUnpublishedV1(String articleId, Instant unpublishedAt) {
}
