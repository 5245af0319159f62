package ir.sarkhat.article.search;

import java.time.Instant;
import java.util.List;

/**
 * One published article as the search index keeps it: what a hit shows, and its analysed terms.
 *
 * @param terms      distinct terms of title, tags and body
 * @param counts     how often each of {@code terms} occurs (same order): parallel arrays, because terms
 *                   such as {@code isna.ir} or {@code 3.5} cannot be MongoDB field names
 * @param length     number of terms, repeats included (BM25's document length)
 * @param titleTerms distinct terms of the title alone, for the title boost
 * @param updatedAt  the article's {@code updatedAt} when it was indexed, so the backfill sees stale entries
 */
record SearchEntry(String id, String slug, String title, String excerpt, Instant publishedAt, Instant updatedAt,
        List<String> terms, List<Integer> counts, int length, List<String> titleTerms) {

    int count(String term) {
        int i = terms.indexOf(term);
        return i < 0 ? 0 : counts.get(i);
    }
}
