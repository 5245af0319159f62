package ir.sarkhat.analytics.comment;

import java.time.Instant;

/**
 * Where a comment event stands in the comment's history: the time comment-service gave it, then
 * (for two events of the same instant) its place on the article's partition. {@code eventId} tells a
 * redelivery of the event last applied from a new event.
 */
public record EventPosition(String eventId, Instant time, int partition, long offset) {
}
