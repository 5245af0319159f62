package ir.sarkhat.article.articles;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import ir.sarkhat.article.articles.Articles.ListingPosition;
import ir.sarkhat.kit.problem.ApiProblem;

/** The opaque {@code cursor} of the public listing: base64url of the last shown article's publishedAt and id. */
final class ListingCursor {

    private static final char SEPARATOR = '|';

    private ListingCursor() {
    }

    static String after(Article last) {
        String position = last.publishedAt().toString() + SEPARATOR + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static ListingPosition read(String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = position.indexOf(SEPARATOR);
            if (separator < 0 || separator == position.length() - 1) {
                throw invalid();
            }
            return new ListingPosition(Instant.parse(position.substring(0, separator)),
                    position.substring(separator + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest("cursor: not a cursor this service gave out. Use nextCursor from the previous page, or omit it for the first page.");
    }
}
