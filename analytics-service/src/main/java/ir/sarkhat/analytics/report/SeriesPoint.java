package ir.sarkhat.analytics.report;

import java.time.Instant;

/** One bucket of a time series. */
public record SeriesPoint(Instant at, long pageviews, long visitors) {
}
