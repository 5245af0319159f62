package ir.sarkhat.article.search.web;

import java.util.List;

import ir.sarkhat.article.search.SearchHit;
import ir.sarkhat.article.search.SearchResults;

/** {@code GET /api/search}: Latin digits, ISO-8601 UTC dates. */
record SearchResponse(String query, long total, int page, int size, List<Item> items) {

    record Item(String id, String slug, String title, String excerpt, String publishedAt, double score) {

        static Item of(SearchHit hit) {
            return new Item(hit.id(), hit.slug(), hit.title(), hit.excerpt(),
                    hit.publishedAt() == null ? null : hit.publishedAt().toString(), hit.score());
        }
    }

    static SearchResponse of(SearchResults results) {
        return new SearchResponse(results.query(), results.total(), results.page(), results.size(),
                results.items().stream().map(Item::of).toList());
    }
}
