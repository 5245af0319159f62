package ir.sarkhat.article.articles.web;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleLink;
import ir.sarkhat.article.articles.ArticleView;
import ir.sarkhat.article.articles.FeaturedImage;

/** A published article as readers get it: rendered, sanitized HTML only, with links to related and adjacent ones. */
record PublicArticleResponse(String id, String slug, String title, String bodyHtml, String excerpt,
        List<String> tags, List<String> categories, String author, String source, FeaturedImage featuredImage,
        Instant publishedAt, Instant updatedAt, int readingTimeMinutes, long viewCount, long commentCount,
        List<ArticleLink> related, ArticleLink previous, ArticleLink next) {

    static PublicArticleResponse of(ArticleView view, List<ArticleLink> related, ArticleLink previous,
            ArticleLink next) {
        Article a = view.article();
        return new PublicArticleResponse(a.id(), a.slug(), a.title(), a.bodyHtml(), a.excerpt(), a.tags(),
                a.categories(), a.author(), a.source(), a.featuredImage(), a.publishedAt(), a.updatedAt(),
                a.readingTimeMinutes(), view.readership().views(), view.readership().comments(), related, previous,
                next);
    }
}
