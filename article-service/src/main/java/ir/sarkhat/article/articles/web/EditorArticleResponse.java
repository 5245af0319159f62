package ir.sarkhat.article.articles.web;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleStatus;
import ir.sarkhat.article.articles.ArticleView;
import ir.sarkhat.article.articles.BodyFormat;
import ir.sarkhat.article.articles.FeaturedImage;

/**
 * The editor's view of an article: the source as well as the rendered HTML, its state and version.
 * {@code bodyFormat} says what the source is: MARKDOWN, or HTML for an article imported from WordPress.
 */
record EditorArticleResponse(String id, String slug, String title, String body, BodyFormat bodyFormat, String bodyHtml,
        String excerpt,
        List<String> tags, List<String> categories, String source, boolean sticky, FeaturedImage featuredImage,
        ArticleStatus status, String author, Instant createdAt, Instant updatedAt, Instant publishAt,
        Instant publishedAt, int readingTimeMinutes, long version, long viewCount, long commentCount) {

    static EditorArticleResponse of(ArticleView view) {
        Article a = view.article();
        return new EditorArticleResponse(a.id(), a.slug(), a.title(), a.body(), a.bodyFormat(), a.bodyHtml(),
                a.excerpt(), a.tags(),
                a.categories(), a.source(), a.sticky(), a.featuredImage(), a.status(), a.author(), a.createdAt(),
                a.updatedAt(), a.publishAt(), a.publishedAt(), a.readingTimeMinutes(), a.version(),
                view.readership().views(), view.readership().comments());
    }
}
