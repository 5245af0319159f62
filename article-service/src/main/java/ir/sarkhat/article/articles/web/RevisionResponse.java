package ir.sarkhat.article.articles.web;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.article.articles.FeaturedImage;
import ir.sarkhat.article.articles.Revision;

/** {@code GET /api/articles/{id}/revisions/{n}}: the content as that save left it. {@code excerpt} null = derived. */
record RevisionResponse(String articleId, long number, Instant savedAt, String savedBy, String title, String slug,
        String body, String excerpt, List<String> tags, List<String> categories, String author, String source,
        boolean sticky, FeaturedImage featuredImage) {

    static RevisionResponse of(Revision r) {
        return new RevisionResponse(r.articleId(), r.number(), r.savedAt(), r.savedBy(), r.title(), r.slug(),
                r.body(), r.excerpt(), r.tags(), r.categories(), r.author(), r.source(), r.sticky(),
                r.featuredImage());
    }
}
