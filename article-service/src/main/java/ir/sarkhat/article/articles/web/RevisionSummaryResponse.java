package ir.sarkhat.article.articles.web;

import java.time.Instant;

import ir.sarkhat.article.articles.Revision;

/** One entry of {@code GET /api/articles/{id}/revisions}. */
record RevisionSummaryResponse(long number, Instant savedAt, String savedBy, String title, String slug) {

    static RevisionSummaryResponse of(Revision r) {
        return new RevisionSummaryResponse(r.number(), r.savedAt(), r.savedBy(), r.title(), r.slug());
    }
}
