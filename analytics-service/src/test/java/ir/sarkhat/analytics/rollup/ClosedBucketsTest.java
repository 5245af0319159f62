package ir.sarkhat.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Past buckets come from memory until written; open buckets and all-time totals always from the store. */
class ClosedBucketsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private static final String YESTERDAY = "d|" + Instant.parse("2026-11-27T00:00:00Z").toEpochMilli() + "|*|rank|all";
    private static final String TODAY = "d|" + Instant.parse("2026-11-28T00:00:00Z").toEpochMilli() + "|*|rank|all";
    private static final String LAST_HOUR = "h|" + Instant.parse("2026-11-28T09:00:00Z").toEpochMilli() + "|*";
    private static final String ALL_TIME = "t|0|*|all|all";

    private final ClosedBuckets<Long> cache = new ClosedBuckets<>(100, Duration.ofMinutes(1), Clock.fixed(NOW, ZoneOffset.UTC));
    private final Map<String, Long> store = new HashMap<>();
    private final List<List<String>> reads = new ArrayList<>();

    @Test
    void onlyClosedBucketsAreKept() {
        store.putAll(Map.of(YESTERDAY, 1L, TODAY, 2L, LAST_HOUR, 3L, ALL_TIME, 4L));

        assertThat(get(YESTERDAY, TODAY, LAST_HOUR, ALL_TIME)).isEqualTo(store);
        assertThat(get(YESTERDAY, TODAY, LAST_HOUR, ALL_TIME)).isEqualTo(store);

        assertThat(reads).containsExactly(List.of(YESTERDAY, TODAY, LAST_HOUR, ALL_TIME), List.of(TODAY, ALL_TIME));
    }

    @Test
    void aWriteDropsTheCopy() {
        store.put(YESTERDAY, 1L);
        get(YESTERDAY);
        store.put(YESTERDAY, 2L); // a late event for yesterday

        cache.written(List.of(YESTERDAY));

        assertThat(get(YESTERDAY)).containsEntry(YESTERDAY, 2L);
    }

    @Test
    void aMissingDocumentIsRememberedAsMissingUntilWritten() {
        assertThat(get(YESTERDAY)).isEmpty();
        assertThat(get(YESTERDAY)).isEmpty();
        assertThat(reads).hasSize(1);

        store.put(YESTERDAY, 5L);
        cache.written(List.of(YESTERDAY));

        assertThat(get(YESTERDAY)).containsEntry(YESTERDAY, 5L);
    }

    @Test
    void aReadThatOverlappedAWriteKeepsNothing() {
        store.put(YESTERDAY, 1L);
        cache.getAll(List.of(YESTERDAY), ids -> {
            Map<String, Long> old = Map.of(YESTERDAY, store.get(YESTERDAY));
            store.put(YESTERDAY, 2L); // the ingest writes (and drops the copy) while this read is under way
            cache.written(List.of(YESTERDAY));
            return old;
        });

        assertThat(get(YESTERDAY)).containsEntry(YESTERDAY, 2L);
    }

    @Test
    void aValueMadeFromClosedBucketsIsKeptUntilOneOfThemIsWritten() {
        int[] computed = { 0 };
        java.util.function.Supplier<Integer> compute = () -> ++computed[0];

        assertThat(cache.merged(List.of(YESTERDAY), compute)).isEqualTo(1);
        assertThat(cache.merged(List.of(YESTERDAY), compute)).isEqualTo(1);
        cache.written(List.of(TODAY)); // an open bucket: nothing kept is made of it
        assertThat(cache.merged(List.of(YESTERDAY), compute)).isEqualTo(1);
        cache.written(List.of(YESTERDAY));

        assertThat(cache.merged(List.of(YESTERDAY), compute)).isEqualTo(2);
    }

    @Test
    void idsThatNameNoBucketAreNeverKept() {
        assertThat(ClosedBuckets.closed("t|article-1", NOW)).isFalse();
        assertThat(ClosedBuckets.closed("x|123|*", NOW)).isFalse();
        assertThat(ClosedBuckets.closed("d|not-a-time|*", NOW)).isFalse();
        assertThat(ClosedBuckets.closed(YESTERDAY, NOW)).isTrue();
        assertThat(ClosedBuckets.closed(TODAY, NOW)).isFalse();
    }

    private Map<String, Long> get(String... ids) {
        return cache.getAll(List.of(ids), missing -> {
            reads.add(List.copyOf(missing));
            Map<String, Long> found = new HashMap<>();
            missing.forEach(id -> {
                if (store.containsKey(id)) {
                    found.put(id, store.get(id));
                }
            });
            return found;
        });
    }
}
