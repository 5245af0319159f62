package ir.sarkhat.article.articles;

import java.util.List;

/**
 * Data of {@code sarkhat.article.published.v1} on {@code article-events}, exactly as
 * contracts/events/article-published.v1.schema.json describes it. The producer owns this contract.
 */
record ArticlePublished(String articleId, String slug, String title, String publishedAt, List<String> tags,
        String source) {

    static final String TYPE = "sarkhat.article.published.v1";

    static ArticlePublished of(Article article) {
        return new ArticlePublished(article.id(), article.slug(), article.title(), article.publishedAt().toString(),
                article.tags(), article.source());
    }
}
