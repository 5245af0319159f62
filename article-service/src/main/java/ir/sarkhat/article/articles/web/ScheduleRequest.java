package ir.sarkhat.article.articles.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import ir.sarkhat.kit.problem.ApiProblem;

/** {@code POST /api/articles/{id}/schedule}: {@code publishAt} as ISO-8601 with an offset, e.g. 2026-03-20T08:00:00Z. */
record ScheduleRequest(String publishAt) {

    Instant instant() {
        if (publishAt == null || publishAt.isBlank()) {
            throw ApiProblem.badRequest("publishAt: required, an ISO-8601 date-time with offset such as 2026-03-20T08:00:00Z.");
        }
        try {
            return OffsetDateTime.parse(publishAt.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("publishAt: '" + abbreviated(publishAt)
                    + "' is not an ISO-8601 date-time with offset such as 2026-03-20T08:00:00Z.");
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
