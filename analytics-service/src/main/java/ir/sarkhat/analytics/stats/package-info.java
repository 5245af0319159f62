/** Per-article totals: recounted after events, stored with a version, published as ArticleStatsUpdated; and the read side. */
package ir.sarkhat.analytics.stats;
