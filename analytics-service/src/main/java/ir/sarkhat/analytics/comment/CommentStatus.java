package ir.sarkhat.analytics.comment;

import java.util.Locale;

public enum CommentStatus {
    PENDING, APPROVED, SPAM;

    /** Reads a status from an event; an unknown or missing one counts as waiting for moderation. */
    public static CommentStatus fromEvent(String value) {
        if (value == null) {
            return PENDING;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return PENDING;
        }
    }
}
