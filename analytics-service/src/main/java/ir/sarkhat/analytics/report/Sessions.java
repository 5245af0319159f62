package ir.sarkhat.analytics.report;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import ir.sarkhat.analytics.pageview.PageView;

/**
 * Visits counted from raw page views in time order, as Plausible does: a visit is a visitor's run of page views
 * with no gap over 30 minutes. Views are grouped by a key of the view (pageviews, visitors) and visits by the same
 * key applied to the visit's first view (its entry page, source, device...).
 */
final class Sessions {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** Per group: the metrics' raw material. */
    static final class Totals {
        long pageviews;
        final Set<String> visitors = new HashSet<>();
        long visits;
        long bounces;
        long durationSeconds;
        long engagedMs;

        long bounceRate() {
            return visits == 0 ? 0 : Math.round(100.0 * bounces / visits);
        }

        long visitDuration() {
            return visits == 0 ? 0 : Math.round((double) durationSeconds / visits);
        }

        long engagedTime() {
            return visits == 0 ? 0 : Math.round(engagedMs / 1000.0 / visits);
        }
    }

    private static final class Visit {
        final PageView entry;
        Instant last;
        int pages = 1;
        long engagedMs;

        Visit(PageView entry) {
            this.entry = entry;
            this.last = entry.viewedAt();
            this.engagedMs = engaged(entry);
        }
    }

    private Sessions() {
    }

    /** @param views ordered by viewedAt */
    static Map<String, Totals> count(Stream<PageView> views, Function<PageView, String> group) {
        Map<String, Totals> totals = new LinkedHashMap<>();
        Map<String, Visit> open = new HashMap<>();
        views.forEach(view -> {
            Totals t = totals.computeIfAbsent(group.apply(view), k -> new Totals());
            t.pageviews++;
            t.visitors.add(view.visitorKey());
            Visit visit = open.get(view.visitorKey());
            if (visit != null && Duration.between(visit.last, view.viewedAt()).compareTo(TIMEOUT) <= 0) {
                visit.pages++;
                visit.last = view.viewedAt();
                visit.engagedMs += engaged(view);
            } else {
                if (visit != null) {
                    close(visit, totals, group);
                }
                open.put(view.visitorKey(), new Visit(view));
            }
        });
        open.values().forEach(visit -> close(visit, totals, group));
        return totals;
    }

    private static void close(Visit visit, Map<String, Totals> totals, Function<PageView, String> group) {
        Totals t = totals.computeIfAbsent(group.apply(visit.entry), k -> new Totals());
        t.visits++;
        if (visit.pages == 1) {
            t.bounces++;
        }
        t.durationSeconds += Duration.between(visit.entry.viewedAt(), visit.last).toSeconds();
        t.engagedMs += visit.engagedMs;
    }

    private static long engaged(PageView view) {
        return view.engagedMs() == null ? 0 : view.engagedMs();
    }
}
