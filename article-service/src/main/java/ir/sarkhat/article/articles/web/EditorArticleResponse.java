package ir.sarkhat.article.articles.web;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleStatus;
import ir.sarkhat.article.articles.ArticleView;

/** The editor's view of an article: the Markdown source as well as the rendered HTML, and its status. */
record EditorArticleResponse(String id, String slug, String title, String body, String bodyHtml, List<String> tags,
        String source, ArticleStatus status, String author, Instant createdAt, Instant updatedAt,
        Instant publishedAt, int readingTimeMinutes, long viewCount, long commentCount) {

    static EditorArticleResponse of(ArticleView view) {
        Article a = view.article();
        return new EditorArticleResponse(a.id(), a.slug(), a.title(), a.body(), a.bodyHtml(), a.tags(), a.source(),
                a.status(), a.author(), a.createdAt(), a.updatedAt(), a.publishedAt(), a.readingTimeMinutes(),
                view.readership().views(), view.readership().comments());
    }
}
