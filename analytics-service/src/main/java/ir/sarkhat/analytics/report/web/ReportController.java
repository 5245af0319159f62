package ir.sarkhat.analytics.report.web;

import java.time.Clock;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import ir.sarkhat.analytics.realtime.ReaderStream;
import ir.sarkhat.analytics.realtime.Readers;
import ir.sarkhat.analytics.realtime.RealtimeReaders;
import ir.sarkhat.analytics.report.CsvExport;
import ir.sarkhat.analytics.report.QueryRunner;
import ir.sarkhat.analytics.report.ReportRange;
import ir.sarkhat.analytics.report.RollupReports;
import ir.sarkhat.analytics.report.StatsQuery;
import ir.sarkhat.analytics.rollup.Dimension;
import ir.sarkhat.kit.problem.ApiProblem;

/** The staff reports (EDITOR or ADMIN, see AnalyticsSecurity). Periods: realtime, 24h, 7d, 30d, or from/to dates. */
@RestController
@RequestMapping("/api/analytics")
class ReportController {

    private final RollupReports reports;
    private final QueryRunner queries;
    private final RealtimeReaders realtime;
    private final ReaderStream stream;
    private final CsvExport csv;
    private final Clock clock;

    ReportController(RollupReports reports, QueryRunner queries, RealtimeReaders realtime, ReaderStream stream,
            CsvExport csv, Clock clock) {
        this.reports = reports;
        this.queries = queries;
        this.realtime = realtime;
        this.stream = stream;
        this.csv = csv;
        this.clock = clock;
    }

    @GetMapping("/top")
    ReportResponses.Top top(@RequestParam(defaultValue = "24h") String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "10") String limit,
            @RequestParam(defaultValue = "0") String offset) {
        ReportRange range = ReportRange.of(period, from, to, clock);
        Paging paging = Paging.parse(limit, offset);
        return ReportResponses.Top.of(range, paging.offset(), reports.topArticles(range, paging.offset(), paging.limit()));
    }

    @GetMapping("/timeseries")
    ReportResponses.Series timeSeries(@RequestParam(defaultValue = "30d") String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String articleId) {
        ReportRange range = ReportRange.of(period, from, to, clock);
        return new ReportResponses.Series(range.label(), range.from(), range.to(), range.grain().unit().toString().toLowerCase(),
                articleId, reports.timeSeries(range, blankToNull(articleId)));
    }

    @GetMapping("/breakdown")
    ReportResponses.Breakdown breakdown(@RequestParam String dimension, @RequestParam(defaultValue = "30d") String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String articleId, @RequestParam(defaultValue = "10") String limit,
            @RequestParam(defaultValue = "0") String offset) {
        Dimension by = Dimension.fromCode(dimension).filter(d -> d != Dimension.ALL && d != Dimension.DROPPED)
                .orElseThrow(() -> ApiProblem.badRequest("Unknown dimension \"" + dimension
                        + "\". Use source, campaign, browser, os or device (entry pages: POST /api/analytics/query)."));
        ReportRange range = ReportRange.of(period, from, to, clock);
        Paging paging = Paging.parse(limit, offset);
        return new ReportResponses.Breakdown(range.label(), range.from(), range.to(), by.code(), articleId,
                paging.offset(), reports.breakdown(range, blankToNull(articleId), by, paging.offset(), paging.limit()));
    }

    @GetMapping("/dropped")
    ReportResponses.Dropped dropped(@RequestParam(defaultValue = "30d") String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReportRange range = ReportRange.of(period, from, to, clock);
        return new ReportResponses.Dropped(range.label(), range.from(), range.to(), reports.droppedHits(range));
    }

    @PostMapping(path = "/query", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReportResponses.Query query(@RequestBody StatsQuery query) {
        return ReportResponses.Query.of(queries.run(query));
    }

    @GetMapping("/realtime")
    Readers realtime() {
        return realtime.now();
    }

    @GetMapping(path = "/realtime/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter realtimeStream() {
        return stream.open();
    }

    @GetMapping(path = "/export.csv")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "30d") String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ReportRange range = ReportRange.of(period, from, to, clock);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"sarkhat-analytics-" + range.label() + ".csv\"")
                .body(out -> csv.write(range, out));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
