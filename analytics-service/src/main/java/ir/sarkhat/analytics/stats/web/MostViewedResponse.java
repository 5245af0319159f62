package ir.sarkhat.analytics.stats.web;

import java.time.Instant;
import java.util.List;

import ir.sarkhat.analytics.stats.MostViewed;

record MostViewedResponse(String period, Instant from, Instant to, List<Item> items) {

    record Item(String articleId, String title, String slug, long views, long uniqueVisitors) {
    }

    static MostViewedResponse of(MostViewed result) {
        return new MostViewedResponse(result.period().label(), result.from(), result.to(), result.entries().stream()
                .map(e -> new Item(e.articleId(), e.title(), e.slug(), e.views(), e.uniqueVisitors()))
                .toList());
    }
}
