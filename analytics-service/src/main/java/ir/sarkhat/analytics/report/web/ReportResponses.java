package ir.sarkhat.analytics.report.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ir.sarkhat.analytics.report.ArticleRow;
import ir.sarkhat.analytics.report.BreakdownRow;
import ir.sarkhat.analytics.report.QueryRunner;
import ir.sarkhat.analytics.report.ReportRange;
import ir.sarkhat.analytics.report.SeriesPoint;

/** JSON answers of the report endpoints; times are RFC 3339 UTC instants. */
final class ReportResponses {

    private ReportResponses() {
    }

    record Top(String period, Instant from, Instant to, int offset, List<Item> items) {
        record Item(String articleId, String title, String slug, long views, long uniqueVisitors, long comments) {
        }

        static Top of(ReportRange range, int offset, List<ArticleRow> rows) {
            return new Top(range.label(), range.from(), range.to(), offset, rows.stream()
                    .map(r -> new Item(r.articleId(), r.title(), r.slug(), r.views(), r.visitors(), r.comments()))
                    .toList());
        }
    }

    record Series(String period, Instant from, Instant to, String interval, String articleId, List<SeriesPoint> points) {
    }

    record Breakdown(String period, Instant from, Instant to, String dimension, String articleId, int offset,
            List<BreakdownRow> rows) {
    }

    record Dropped(String period, Instant from, Instant to, Map<String, Long> reasons) {
    }

    record Query(List<QueryRunner.Row> results, Meta meta, Echo query) {
        record Meta(int rows) {
        }

        record Echo(List<String> metrics, List<Instant> dateRange, List<String> dimensions) {
        }

        static Query of(QueryRunner.Result result) {
            return new Query(result.results(), new Meta(result.results().size()),
                    new Echo(result.metrics().stream().map(m -> m.apiName()).toList(),
                            List.of(result.range().from(), result.range().to()),
                            result.dimension() == null ? List.of() : List.of(result.dimensionName())));
        }
    }
}
