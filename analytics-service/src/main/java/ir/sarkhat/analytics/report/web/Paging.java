package ir.sarkhat.analytics.report.web;

import ir.sarkhat.kit.problem.ApiProblem;

/** limit (1..1000) and offset (0..) from query parameters, with a message a caller can act on. */
record Paging(int limit, int offset) {

    static final int MAX_LIMIT = 1000;

    static Paging parse(String limit, String offset) {
        return new Paging(number(limit, "limit", 1, MAX_LIMIT), number(offset, "offset", 0, Integer.MAX_VALUE));
    }

    private static int number(String text, String name, int min, int max) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // same answer as a number out of range
        }
        throw ApiProblem.badRequest("The " + name + " must be a whole number from " + min + " to "
                + (max == Integer.MAX_VALUE ? "any" : String.valueOf(max)) + ".");
    }
}
