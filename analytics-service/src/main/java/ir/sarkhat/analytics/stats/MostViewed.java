package ir.sarkhat.analytics.stats;

import java.time.Instant;
import java.util.List;

/** The most-viewed articles in a window [from, to], best first. */
public record MostViewed(Period period, Instant from, Instant to, List<Entry> entries) {

    public record Entry(String articleId, String title, String slug, long views, long uniqueVisitors) {
    }
}
