package ir.sarkhat.analytics.stats.web;

import ir.sarkhat.analytics.stats.Period;
import ir.sarkhat.kit.problem.ApiProblem;

/** The query parameters of "most viewed", checked with details a caller can act on. */
record MostViewedRequest(Period period, int limit) {

    static final int MAX_LIMIT = 100;

    static MostViewedRequest parse(String period, String limit) {
        Period window = Period.fromLabel(period.strip()).orElseThrow(() -> ApiProblem.badRequest(
                "The period must be one of " + Period.labels() + "."));
        return new MostViewedRequest(window, parseLimit(limit));
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // same answer as a number out of range
        }
        throw ApiProblem.badRequest("The limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }
}
