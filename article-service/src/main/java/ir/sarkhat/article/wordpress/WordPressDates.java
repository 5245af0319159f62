package ir.sarkhat.article.wordpress;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * WordPress's {@code YYYY-MM-DD HH:MM:SS} dates. The {@code _gmt} one is UTC; drafts have
 * {@code 0000-00-00 00:00:00} there, and then the local date is taken as UTC (the export does not
 * say the site's zone). Anything else that is not a real date is refused with the field named.
 */
final class WordPressDates {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String ZERO = "0000-00-00 00:00:00";

    private WordPressDates() {
    }

    /** The instant of the gmt date, else of the local one; null when both are empty or zero. */
    static Instant instant(String gmtField, String gmt, String localField, String local) {
        Instant fromGmt = parse(gmtField, gmt);
        return fromGmt != null ? fromGmt : parse(localField, local);
    }

    private static Instant parse(String field, String value) {
        if (value == null || value.isBlank() || ZERO.equals(value.strip())) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value.strip() + "' is not a date (YYYY-MM-DD HH:MM:SS)");
        }
    }

    static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }
}
