package ir.sarkhat.article.search;

import java.util.List;

/** One page of results; {@code total} counts every match, {@code page} starts at 1. */
public record SearchResults(String query, long total, int page, int size, List<SearchHit> items) {

    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) page * size < total;
    }
}
