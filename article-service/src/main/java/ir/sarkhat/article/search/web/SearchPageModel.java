package ir.sarkhat.article.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ir.sarkhat.article.search.SearchHit;
import ir.sarkhat.article.search.SearchResults;
import ir.sarkhat.article.text.PersianDates;

/**
 * What search.html shows, formatted for Persian readers: counts and page numbers in Persian digits,
 * Jalali dates; links keep Latin digits.
 *
 * @param query     what was typed, shown back in the form ("" when nothing was)
 * @param summary   e.g. «۳ نتیجه برای «بین‌المللی»», null before a search
 * @param error     why the query was refused, null when it was not
 */
record SearchPageModel(String query, String summary, String error, List<Hit> hits, String pageLabel,
        String previousUrl, String nextUrl, String canonicalPath, boolean noindex) {

    record Hit(String slug, String title, String excerpt, String publishedAtIso, String publishedAtJalali) {

        static Hit of(SearchHit hit) {
            return new Hit(hit.slug(), hit.title(), hit.excerpt(),
                    hit.publishedAt() == null ? null : hit.publishedAt().toString(),
                    hit.publishedAt() == null ? null : PersianDates.jalali(hit.publishedAt()));
        }
    }

    static SearchPageModel empty() {
        return new SearchPageModel("", null, null, List.of(), null, null, null, "/search", false);
    }

    static SearchPageModel refused(String query, String error) {
        return new SearchPageModel(query == null ? "" : query, null, error, List.of(), null, null, null, "/search",
                true);
    }

    static SearchPageModel of(SearchResults results) {
        String summary = PersianDates.number(results.total()) + " نتیجه برای «" + results.query() + "»";
        String pageLabel = results.pages() > 1
                ? "صفحهٔ " + PersianDates.number(results.page()) + " از " + PersianDates.number(results.pages())
                : null;
        String previous = results.page() > 1 ? url(results.query(), results.page() - 1) : null;
        String next = results.hasNext() ? url(results.query(), results.page() + 1) : null;
        return new SearchPageModel(results.query(), summary, null,
                results.items().stream().map(Hit::of).toList(), pageLabel, previous, next,
                url(results.query(), results.page()), true);
    }

    /** {@code /search?q=…} (page 1) or {@code /search?q=…&page=n}, form-encoded as a browser's GET form sends it. */
    static String url(String query, int page) {
        return "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + (page > 1 ? "&page=" + page : "");
    }
}
