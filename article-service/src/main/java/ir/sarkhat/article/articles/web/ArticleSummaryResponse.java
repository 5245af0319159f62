package ir.sarkhat.article.articles.web;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleView;
import ir.sarkhat.article.articles.FeaturedImage;

/** One entry of the public listing. */
record ArticleSummaryResponse(String id, String slug, String title, String excerpt, List<String> tags,
        List<String> categories, String author, String source, boolean sticky, FeaturedImage featuredImage,
        Instant publishedAt, int readingTimeMinutes, long viewCount, long commentCount) {

    static ArticleSummaryResponse of(ArticleView view) {
        Article a = view.article();
        return new ArticleSummaryResponse(a.id(), a.slug(), a.title(), a.excerpt(), a.tags(), a.categories(),
                a.author(), a.source(), a.sticky(), a.featuredImage(), a.publishedAt(), a.readingTimeMinutes(),
                view.readership().views(), view.readership().comments());
    }
}
