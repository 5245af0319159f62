package ir.sarkhat.analytics.rollup;

import java.time.Instant;

/** A hit that does not count (a robot, a staff member, ...), kept only as a count per reason and day. */
public record DroppedHit(String reason, Instant at, int partition, long offset) {
}
