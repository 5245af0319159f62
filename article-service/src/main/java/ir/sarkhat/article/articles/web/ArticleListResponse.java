package ir.sarkhat.article.articles.web;

import java.util.List;

import ir.sarkhat.article.articles.ArticlePage;

/** {@code GET /api/articles}: a page of summaries and the cursor of the next page (null on the last). */
record ArticleListResponse(List<ArticleSummaryResponse> items, String nextCursor) {

    static ArticleListResponse of(ArticlePage page) {
        return new ArticleListResponse(page.items().stream().map(ArticleSummaryResponse::of).toList(),
                page.nextCursor());
    }
}
