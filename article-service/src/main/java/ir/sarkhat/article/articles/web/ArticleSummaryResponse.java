package ir.sarkhat.article.articles.web;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleView;

/** One entry of the public listing. */
record ArticleSummaryResponse(String id, String slug, String title, String excerpt, List<String> tags,
        String source, Instant publishedAt, int readingTimeMinutes, long viewCount, long commentCount) {

    static ArticleSummaryResponse of(ArticleView view) {
        Article a = view.article();
        return new ArticleSummaryResponse(a.id(), a.slug(), a.title(), a.excerpt(), a.tags(), a.source(),
                a.publishedAt(), a.readingTimeMinutes(), view.readership().views(), view.readership().comments());
    }
}
