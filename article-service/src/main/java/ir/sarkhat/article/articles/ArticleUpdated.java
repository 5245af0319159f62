package ir.sarkhat.article.articles;

import java.util.List;

/**
 * Data of {@code sarkhat.article.updated.v1} on {@code article-events}, exactly as
 * contracts/events/article-updated.v1.schema.json describes it: the current public fields of an
 * edited published article; {@code previousSlug} is set only when the slug changed.
 */
record ArticleUpdated(String articleId, String slug, String previousSlug, String title, String publishedAt,
        String updatedAt, List<String> tags, List<String> categories, String source) {

    static final String TYPE = "sarkhat.article.updated.v1";

    static ArticleUpdated of(Article article, String previousSlug) {
        return new ArticleUpdated(article.id(), article.slug(), previousSlug, article.title(),
                article.publishedAt().toString(), article.updatedAt().toString(), article.tags(),
                article.categories(), article.source());
    }
}
