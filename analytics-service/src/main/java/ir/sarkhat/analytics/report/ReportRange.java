package ir.sarkhat.analytics.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import ir.sarkhat.analytics.rollup.Grain;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * A half-open UTC window [from, to) aligned to the buckets of {@code grain}, the finest grain it is counted at.
 * {@code realtime} = the last 30 minutes by minute, {@code 24h} = the last 24 hours by hour (the current hour
 * included), {@code 7d}/{@code 30d} = the last 7/30 UTC days by day (today included), a custom range = whole days
 * from a date to a date, both included.
 */
public record ReportRange(String label, Instant from, Instant to, Grain grain) {

    static final String PERIODS = "realtime, 24h, 7d, 30d or custom (with from and to as yyyy-MM-dd)";
    private static final long MAX_CUSTOM_DAYS = 3660;

    public static ReportRange of(String period, String from, String to, Clock clock) {
        Instant now = clock.instant();
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant tomorrow = now.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        if (from != null || to != null || "custom".equals(period)) {
            return custom(from, to);
        }
        return switch (period == null ? "24h" : period) {
            case "realtime" -> new ReportRange("realtime", now.truncatedTo(ChronoUnit.MINUTES).minus(29, ChronoUnit.MINUTES),
                    now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES), Grain.MINUTE);
            case "24h" -> new ReportRange("24h", hour.minus(23, ChronoUnit.HOURS), hour.plus(1, ChronoUnit.HOURS), Grain.HOUR);
            case "7d" -> new ReportRange("7d", tomorrow.minus(7, ChronoUnit.DAYS), tomorrow, Grain.DAY);
            case "30d" -> new ReportRange("30d", tomorrow.minus(30, ChronoUnit.DAYS), tomorrow, Grain.DAY);
            default -> throw ApiProblem.badRequest("Unknown period \"" + period + "\". Use " + PERIODS + ".");
        };
    }

    static ReportRange custom(String from, String to) {
        if (from == null || to == null) {
            throw ApiProblem.badRequest("A custom range needs both from and to, as yyyy-MM-dd.");
        }
        LocalDate first = date(from, "from");
        LocalDate last = date(to, "to");
        if (last.isBefore(first)) {
            throw ApiProblem.badRequest("\"to\" (" + to + ") is before \"from\" (" + from + ").");
        }
        if (ChronoUnit.DAYS.between(first, last) > MAX_CUSTOM_DAYS) {
            throw ApiProblem.badRequest("A custom range can span at most " + MAX_CUSTOM_DAYS + " days.");
        }
        return new ReportRange("custom", first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), Grain.DAY);
    }

    private static LocalDate date(String value, String name) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("\"" + name + "\" must be a date as yyyy-MM-dd, not \"" + value + "\".");
        }
    }

    /** Whole UTC days [firstDay, lastDay] when the range is day-aligned. */
    LocalDate firstDay() {
        return from.atZone(ZoneOffset.UTC).toLocalDate();
    }

    LocalDate lastDay() {
        return to.minusMillis(1).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** The grain breakdowns use: minute rollups carry no dimensions, so realtime breaks down by hour. */
    Grain breakdownGrain() {
        return grain == Grain.MINUTE ? Grain.HOUR : grain;
    }

    Instant breakdownFrom() {
        return grain == Grain.MINUTE ? from.truncatedTo(ChronoUnit.HOURS) : from;
    }
}
