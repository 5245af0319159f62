package ir.sarkhat.article.search;

import java.time.Instant;

/** One found article, with its BM25 score (higher is better). */
public record SearchHit(String id, String slug, String title, String excerpt, Instant publishedAt, double score) {
}
