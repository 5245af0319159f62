package ir.sarkhat.analytics.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import ir.sarkhat.analytics.pageview.AnalyticsRetention;
import ir.sarkhat.analytics.pageview.PageView;
import ir.sarkhat.analytics.pageview.PageViewLog;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Runs a {@link StatsQuery}. Pageviews and visitors, ungrouped or by one rollup dimension, article or time, come
 * from rollups and sketches; visits, bounce rate, visit duration, entry pages and combined filters are counted from
 * the raw page views, so they can be asked for the raw retention (30 days by default) only.
 */
@Component
public class QueryRunner {

    static final int MAX_LIMIT = 10_000;

    private final RollupReports reports;
    private final PageViewLog log;
    private final AnalyticsRetention retention;
    private final Clock clock;

    QueryRunner(RollupReports reports, PageViewLog log, AnalyticsRetention retention, Clock clock) {
        this.reports = reports;
        this.log = log;
        this.retention = retention;
        this.clock = clock;
    }

    public record Row(List<String> dimensions, List<Number> metrics) {
    }

    public record Result(List<Row> results, ReportRange range, List<Metric> metrics, QueryDimension dimension) {

        public String dimensionName() {
            return dimension == null ? null : dimension.apiName();
        }
    }

    public Result run(StatsQuery query) {
        List<Metric> metrics = metrics(query.metrics());
        ReportRange range = range(query.dateRange());
        QueryDimension dimension = dimension(query.dimensions());
        Map<QueryDimension, Set<String>> filters = filters(query.filters());
        int limit = query.pagination() == null || query.pagination().limit() == null ? 100 : query.pagination().limit();
        int offset = query.pagination() == null || query.pagination().offset() == null ? 0 : query.pagination().offset();
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw ApiProblem.badRequest("pagination.limit must be 1 to " + MAX_LIMIT + " and offset 0 or more.");
        }
        List<Row> rows = fromRollups(metrics, range, dimension, filters, offset, limit);
        if (rows == null) {
            rows = fromRawViews(metrics, range, dimension, filters, offset, limit);
        }
        return new Result(rows, range, metrics, dimension);
    }

    /** @return null when the rollups cannot answer this query */
    private List<Row> fromRollups(List<Metric> metrics, ReportRange range, QueryDimension dimension,
            Map<QueryDimension, Set<String>> filters, int offset, int limit) {
        if (!metrics.stream().allMatch(Metric::rolledUp)) {
            return null;
        }
        String articleId = null;
        if (!filters.isEmpty()) {
            Set<String> articles = filters.get(QueryDimension.ARTICLE);
            if (filters.size() > 1 || articles == null || articles.size() != 1) {
                return null;
            }
            articleId = articles.iterator().next();
        }
        if (dimension == null) {
            SeriesPoint total = reports.aggregate(range, articleId);
            return offset == 0 ? List.of(row(List.of(), metrics, total.pageviews(), total.visitors())) : List.of();
        }
        if (dimension == QueryDimension.ARTICLE && articleId == null) {
            return reports.topArticles(range, offset, limit).stream()
                    .map(a -> row(List.of(a.articleId()), metrics, a.views(), a.visitors())).toList();
        }
        if (dimension.rollup() != null) {
            return reports.breakdown(range, articleId, dimension.rollup(), offset, limit).stream()
                    .map(b -> row(List.of(b.value()), metrics, b.pageviews(), b.visitors())).toList();
        }
        if (dimension.isTime() && dimension.unit() == range.grain().unit()) {
            return reports.timeSeries(range, articleId).stream().skip(offset).limit(limit)
                    .map(p -> row(List.of(p.at().toString()), metrics, p.pageviews(), p.visitors())).toList();
        }
        return null;
    }

    private List<Row> fromRawViews(List<Metric> metrics, ReportRange range, QueryDimension dimension,
            Map<QueryDimension, Set<String>> filters, int offset, int limit) {
        if (range.from().isBefore(clock.instant().minus(retention.rawPageViews()))) {
            throw ApiProblem.badRequest("Visits, bounce rate, visit duration, entry pages and combined filters are "
                    + "counted from raw page views, kept " + retention.rawPageViews().toDays()
                    + " days: choose a range within them, or ask only for pageviews and visitors.");
        }
        Function<PageView, String> group = dimension == null ? v -> "" : dimension::valueOf;
        Map<String, Sessions.Totals> totals;
        Set<String> articleFilter = filters.get(QueryDimension.ARTICLE);
        try (Stream<PageView> views = log.between(range.from(), range.to(),
                articleFilter != null && articleFilter.size() == 1 ? articleFilter.iterator().next() : null)) {
            totals = Sessions.count(views.filter(v -> matches(v, filters)), group);
        }
        Comparator<Map.Entry<String, Sessions.Totals>> order = dimension != null && dimension.isTime()
                ? Map.Entry.comparingByKey()
                : Comparator.<Map.Entry<String, Sessions.Totals>>comparingDouble(e -> -value(metrics.get(0), e.getValue()).doubleValue())
                        .thenComparing(Map.Entry.comparingByKey());
        return totals.entrySet().stream()
                // an entry-page row is a page visits started on; other rows are values that had views
                .filter(e -> dimension == QueryDimension.ENTRY_PAGE ? e.getValue().visits > 0 : e.getValue().pageviews > 0)
                .sorted(order).skip(offset).limit(limit)
                .map(e -> new Row(dimension == null ? List.of() : List.of(e.getKey()),
                        metrics.stream().map(m -> value(m, e.getValue())).toList()))
                .toList();
    }

    private static boolean matches(PageView view, Map<QueryDimension, Set<String>> filters) {
        return filters.entrySet().stream().allMatch(f -> f.getValue().contains(f.getKey().valueOf(view)));
    }

    private static Number value(Metric metric, Sessions.Totals t) {
        return switch (metric) {
            case PAGEVIEWS -> t.pageviews;
            case VISITORS -> t.visitors.size();
            case VISITS -> t.visits;
            case BOUNCE_RATE -> t.bounceRate();
            case VISIT_DURATION -> t.visitDuration();
            case ENGAGED_TIME -> t.engagedTime();
        };
    }

    private static Row row(List<String> dimensions, List<Metric> metrics, long pageviews, long visitors) {
        return new Row(dimensions, metrics.stream().map(m -> (Number) (m == Metric.PAGEVIEWS ? pageviews : visitors)).toList());
    }

    private static List<Metric> metrics(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ApiProblem.badRequest("metrics is required, e.g. [\"visitors\", \"pageviews\"].");
        }
        List<Metric> metrics = new ArrayList<>();
        for (String name : names) {
            metrics.add(Metric.fromApiName(name).orElseThrow(() -> ApiProblem.badRequest("Unknown metric \"" + name
                    + "\". Use pageviews, visitors, visits, bounce_rate, visit_duration or engaged_time.")));
        }
        return metrics;
    }

    private ReportRange range(Object dateRange) {
        if (dateRange == null || dateRange instanceof String) {
            return ReportRange.of((String) dateRange, null, null, clock);
        }
        if (dateRange instanceof List<?> pair && pair.size() == 2 && pair.get(0) instanceof String from
                && pair.get(1) instanceof String to) {
            return ReportRange.custom(from, to);
        }
        throw ApiProblem.badRequest("date_range must be \"realtime\", \"24h\", \"7d\", \"30d\" or [\"yyyy-MM-dd\", \"yyyy-MM-dd\"].");
    }

    private static QueryDimension dimension(List<String> names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        if (names.size() > 1) {
            throw ApiProblem.badRequest("At most one dimension per query here.");
        }
        return QueryDimension.fromApiName(names.get(0)).orElseThrow(() -> ApiProblem.badRequest(
                "Unknown dimension \"" + names.get(0) + "\". Use one of " + QueryDimension.names() + "."));
    }

    private static Map<QueryDimension, Set<String>> filters(List<List<Object>> filters) {
        Map<QueryDimension, Set<String>> parsed = new EnumMap<>(QueryDimension.class);
        if (filters == null) {
            return parsed;
        }
        for (List<Object> filter : filters) {
            if (filter == null || filter.size() != 3 || !"is".equals(filter.get(0)) || !(filter.get(1) instanceof String name)
                    || !(filter.get(2) instanceof List<?> values) || values.isEmpty() || values.size() > 1000
                    || !values.stream().allMatch(v -> v instanceof String s && s.length() <= 200)) {
                throw ApiProblem.badRequest("A filter is [\"is\", dimension, [values...]] with 1 to 1000 text values.");
            }
            QueryDimension dimension = QueryDimension.fromApiName(name).filter(d -> !d.isTime())
                    .orElseThrow(() -> ApiProblem.badRequest("Cannot filter by \"" + name + "\"."));
            Set<String> set = new HashSet<>();
            values.forEach(v -> set.add((String) v));
            parsed.merge(dimension, set, (a, b) -> {
                a.retainAll(b);
                return a;
            });
        }
        return parsed;
    }
}
