package ir.sarkhat.article.editor;

import java.time.Instant;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleStatus;

/** One row of the editor's list. */
record EditorListItem(String id, String slug, String title, ArticleStatus status, String author, Instant updatedAt,
        Instant publishAt, Instant publishedAt) {

    static EditorListItem of(Article a) {
        return new EditorListItem(a.id(), a.slug(), a.title(), a.status(), a.author(), a.updatedAt(), a.publishAt(),
                a.publishedAt());
    }
}
