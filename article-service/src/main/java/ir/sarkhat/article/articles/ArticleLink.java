package ir.sarkhat.article.articles;

import java.time.Instant;

/** A small pointer to a published article: for related, previous and next links. */
public record ArticleLink(String id, String slug, String title, Instant publishedAt) {

    static ArticleLink of(Article article) {
        return new ArticleLink(article.id(), article.slug(), article.title(), article.publishedAt());
    }
}
