package ir.sarkhat.article.articles;

/**
 * Data of {@code sarkhat.article.unpublished.v1} on {@code article-events}, exactly as
 * contracts/events/article-unpublished.v1.schema.json describes it.
 */
record ArticleUnpublished(String articleId, String slug, String unpublishedAt) {

    static final String TYPE = "sarkhat.article.unpublished.v1";

    static ArticleUnpublished of(Article article, java.time.Instant at) {
        return new ArticleUnpublished(article.id(), article.slug(), at.toString());
    }
}
