package ir.sarkhat.analytics.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * Plausible's metrics (plausible.io/docs/metrics-definitions): pageviews, unique visitors, visits (sessions that
 * end after 30 minutes without a page view), bounce rate (% of visits with one page view), visit duration (average
 * seconds from a visit's first to its last page view). Names as in Plausible's Stats API v2.
 */
public enum Metric {
    PAGEVIEWS("pageviews"),
    VISITORS("visitors"),
    VISITS("visits"),
    BOUNCE_RATE("bounce_rate"),
    VISIT_DURATION("visit_duration"),
    /** Average visible seconds per visit, from the beacon's engagement pings (Plausible's engaged time). */
    ENGAGED_TIME("engaged_time");

    private final String apiName;

    Metric(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<Metric> fromApiName(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName.equals(name)).findFirst();
    }

    /** Can be answered from rollups and sketches (the others need sessions, from raw views). */
    boolean rolledUp() {
        return this == PAGEVIEWS || this == VISITORS;
    }
}
