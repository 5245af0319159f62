package ir.sarkhat.analytics.rollup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Rollup bucket sizes. {@code TOTAL} is one all-time bucket per article (and the site): the published totals. */
public enum Grain {
    MINUTE("m", ChronoUnit.MINUTES),
    HOUR("h", ChronoUnit.HOURS),
    DAY("d", ChronoUnit.DAYS),
    TOTAL("t", null);

    private final String code;
    private final ChronoUnit unit;

    Grain(String code, ChronoUnit unit) {
        this.code = code;
        this.unit = unit;
    }

    public String code() {
        return code;
    }

    public ChronoUnit unit() {
        return unit;
    }

    /** Start of the bucket holding this instant (UTC); the epoch for TOTAL. */
    public Instant bucketOf(Instant at) {
        return unit == null ? Instant.EPOCH : at.truncatedTo(unit);
    }
}
