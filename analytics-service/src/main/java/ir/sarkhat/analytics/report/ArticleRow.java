package ir.sarkhat.analytics.report;

/** One article in a ranking: views and visitors in the range, approved comments now. */
public record ArticleRow(String articleId, String title, String slug, long views, long visitors, long comments) {
}
