package ir.sarkhat.article.articles.web;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleView;

/** A published article as readers get it: rendered, sanitized HTML only. */
record PublicArticleResponse(String id, String slug, String title, String bodyHtml, String excerpt,
        List<String> tags, String source, Instant publishedAt, int readingTimeMinutes, long viewCount,
        long commentCount) {

    static PublicArticleResponse of(ArticleView view) {
        Article a = view.article();
        return new PublicArticleResponse(a.id(), a.slug(), a.title(), a.bodyHtml(), a.excerpt(), a.tags(),
                a.source(), a.publishedAt(), a.readingTimeMinutes(), view.readership().views(),
                view.readership().comments());
    }
}
