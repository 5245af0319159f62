package ir.sarkhat.article.stats;

/** Absolute totals for one article, with the producer's per-article version. */
public record StatsUpdate(String articleId, long views, long comments, long version) {
}
