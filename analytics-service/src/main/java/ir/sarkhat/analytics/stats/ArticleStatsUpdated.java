package ir.sarkhat.analytics.stats;

import java.time.Instant;

/** Data of {@code sarkhat.article.stats-updated.v1} (contracts/events/article-stats-updated.v1.schema.json). */
record ArticleStatsUpdated(String articleId, long views, long uniqueVisitors, long comments, long version,
        Instant asOf) {

    static final String TOPIC = "article-stats";
    static final String TYPE = "sarkhat.article.stats-updated.v1";
}
