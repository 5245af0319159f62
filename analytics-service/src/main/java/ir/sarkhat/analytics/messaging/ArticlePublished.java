package ir.sarkhat.analytics.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of sarkhat.article.published.v1 this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ArticlePublished(String articleId, String title, String slug, Instant publishedAt) {

    static final String TYPE = "sarkhat.article.published.v1";
}
