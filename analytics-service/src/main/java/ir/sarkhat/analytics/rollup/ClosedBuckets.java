package ir.sarkhat.analytics.rollup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The dashboard's reads of documents of <em>closed</em> buckets (a past minute, hour or day), kept in memory by
 * {@code _id} (Caffeine): a past day's ranking document or visitor sketch changes only when a late event for that day
 * comes in. Ids are {@code <grain code>|<bucket epoch ms>|...} (rollups and sketches alike); an open bucket (the
 * current hour, today) or an all-time one is always read from the store.
 * <p>
 * The ingest of this instance calls {@link #written} after each write, which drops those ids. A read that overlapped
 * such a write drops what it put (a write counter read before and after), so a stale document is never kept past
 * the write that replaced it. Writes by <em>another</em> instance are not seen: there the entry lives at most
 * {@code ttl}, which bounds how stale a past bucket can be (only late events change one).
 */
public final class ClosedBuckets<V> {

    private final Cache<String, Optional<V>> cache;
    /** Values computed from several closed buckets (a month's merged ranking), by the ids they were made of. */
    private final Cache<List<String>, Object> merged;
    private final AtomicLong writes = new AtomicLong();
    private final Clock clock;

    public ClosedBuckets(long maximumSize, Duration ttl, Clock clock) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(ttl).build();
        this.merged = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(ttl).build();
        this.clock = clock;
    }

    /**
     * The values of these ids (absent: no such document), the closed ones from memory when there, the others read
     * with {@code load} in one call.
     */
    public Map<String, V> getAll(Collection<String> ids, Function<List<String>, Map<String, V>> load) {
        Map<String, V> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        Instant now = clock.instant();
        for (String id : ids) {
            Optional<V> cached = closed(id, now) ? cache.getIfPresent(id) : null;
            if (cached == null) {
                missing.add(id);
            } else {
                cached.ifPresent(value -> found.put(id, value));
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long before = writes.get();
        Map<String, V> loaded = load.apply(missing);
        found.putAll(loaded);
        List<String> kept = new ArrayList<>();
        for (String id : missing) {
            if (closed(id, now)) {
                cache.put(id, Optional.ofNullable(loaded.get(id)));
                kept.add(id);
            }
        }
        if (writes.get() != before) {
            cache.invalidateAll(kept); // a write overlapped this read: what it read may be older than the store
        }
        return found;
    }

    /**
     * A value made from the documents of these closed buckets only (see {@link #closed}), kept until one of them is
     * written, like the documents themselves. The caller must not change it.
     */
    @SuppressWarnings("unchecked")
    public <R> R merged(List<String> closedIds, Supplier<R> compute) {
        Object kept = merged.getIfPresent(closedIds);
        if (kept != null) {
            return (R) kept;
        }
        long before = writes.get();
        R value = compute.get();
        List<String> key = List.copyOf(closedIds);
        merged.put(key, value);
        if (writes.get() != before) {
            merged.invalidate(key); // a write overlapped: the value may be older than the store
        }
        return value;
    }

    /**
     * Call after writing these documents: their cached copies are dropped. Writes of open buckets (live traffic:
     * this minute, hour, day) concern no copy, since open buckets are never kept: a bucket open when it was written
     * was written before any read that could keep it.
     */
    public void written(Collection<String> ids) {
        Instant now = clock.instant();
        List<String> closed = new ArrayList<>();
        for (String id : ids) {
            if (closed(id, now)) {
                closed.add(id);
            }
        }
        if (!closed.isEmpty()) {
            writes.incrementAndGet();
            cache.invalidateAll(closed);
            merged.invalidateAll(); // rare (late events): not worth finding the values made from these

        }
    }

    /** Whether the bucket an id names has ended (all-time and unparsable ids never have). */
    public boolean closed(String id) {
        return closed(id, clock.instant());
    }

    static boolean closed(String id, Instant now) {
        int first = id.indexOf('|');
        int second = first < 0 ? -1 : id.indexOf('|', first + 1);
        if (first != 1 || second < 0) {
            return false;
        }
        Grain grain = grainOf(id.charAt(0));
        if (grain == null || grain.unit() == null) {
            return false;
        }
        try {
            Instant start = Instant.ofEpochMilli(Long.parseLong(id, first + 1, second, 10));
            return !start.plus(1, grain.unit()).isAfter(now);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Grain grainOf(char code) {
        for (Grain grain : Grain.values()) {
            if (grain.code().charAt(0) == code) {
                return grain;
            }
        }
        return null;
    }
}
