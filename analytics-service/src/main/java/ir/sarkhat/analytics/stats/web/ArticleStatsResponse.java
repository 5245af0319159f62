package ir.sarkhat.analytics.stats.web;

record ArticleStatsResponse(String articleId, long views, long uniqueVisitors, long comments) {
}
