package ir.sarkhat.article.pages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** The «خبرهای بیشتر» link's {@code cursor}: base64url of the last shown article's publishedAt and id (keyset paging). */
final class PageCursor {

    private PageCursor() {
    }

    record Position(Instant publishedAt, String id) {
    }

    static String after(PageArticle last) {
        String position = last.publishedAt() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException for anything we did not give out */
    static Position read(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = position.indexOf('|');
            if (separator < 0 || separator == position.length() - 1) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new Position(Instant.parse(position.substring(0, separator)), position.substring(separator + 1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a cursor", e);
        }
    }
}
