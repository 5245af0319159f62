package ir.sarkhat.analytics.report;

/** One value of a dimension in a range. */
public record BreakdownRow(String value, long pageviews, long visitors) {
}
