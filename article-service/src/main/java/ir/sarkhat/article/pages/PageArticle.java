package ir.sarkhat.article.pages;

import java.time.Instant;
import java.util.List;

/**
 * A published article as the pages and feeds read it straight from the {@code articles} collection,
 * with the shared field names. Fields older documents lack are empty, false or null.
 */
public record PageArticle(String id, String slug, String title, String excerpt, String bodyHtml, List<String> tags,
        List<String> categories, String author, String source, boolean sticky, FeaturedImage featuredImage,
        Instant publishedAt, Instant updatedAt, int readingTimeMinutes) {

    /** When the article last changed for a reader: the edit time, else the publication time. */
    public Instant modifiedAt() {
        return updatedAt != null && updatedAt.isAfter(publishedAt) ? updatedAt : publishedAt;
    }

    public record FeaturedImage(String url, String alt) {
    }
}
