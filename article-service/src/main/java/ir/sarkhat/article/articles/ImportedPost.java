package ir.sarkhat.article.articles;

import java.time.Instant;
import java.util.List;

/**
 * A post brought over from another system (WordPress), as the importer read it: HTML body, the
 * slug exactly as it was, its own dates. {@code publishedAt} is the publication time for PUBLISHED
 * and the planned one for SCHEDULED; {@code categories} are slugs that already exist here.
 */
public record ImportedPost(long wordpressId, String title, String slug, String html, String excerpt,
        List<String> tags, List<String> categories, String author, boolean sticky, FeaturedImage featuredImage,
        ArticleStatus status, Instant createdAt, Instant publishedAt, Instant modifiedAt) {

    public ImportedPost {
        tags = tags == null ? List.of() : List.copyOf(tags);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
