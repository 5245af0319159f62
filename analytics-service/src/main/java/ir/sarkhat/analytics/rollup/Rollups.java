package ir.sarkhat.analytics.rollup;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.bulk.BulkWriteError;

import ir.sarkhat.analytics.pageview.AnalyticsRetention;
import ir.sarkhat.analytics.pageview.PageView;

/**
 * Pre-aggregated view counts, minute → hour → day (and an all-time total), per article and for the whole site
 * ({@code a = "*"}), per dimension value: {@code {_id, g, t, a, d, v, views, wm: {p<partition>: offset}, exp}}.
 * <p>
 * One poll's views become one unordered bulk of {@code $inc} upserts, one per (bucket, partition). Each is
 * conditioned on the bucket's watermark for that partition being below the lowest offset it adds, and raises the
 * watermark to the highest: a redelivered or replayed record cannot add itself twice. When the condition fails
 * (the update then tries an insert and collides on {@code _id}), the bucket already has part of these records:
 * only the offsets above its watermark are added. Records of one partition reach a bucket in offset order (one
 * consumer per partition), which is what makes a watermark enough.
 */
@Component
public class Rollups implements InitializingBean {

    public static final String COLLECTION = "rollups";
    public static final String SITE = "*";
    private static final int DUPLICATE_KEY = 11000;
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Duration minuteRetention;

    Rollups(MongoTemplate mongo, AnalyticsRetention retention) {
        this.mongo = mongo;
        this.minuteRetention = retention.minuteRollups();
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("g", Sort.Direction.ASC).on("a", Sort.Direction.ASC)
                .on("d", Sort.Direction.ASC).on("t", Sort.Direction.ASC).named("grain_scope_dim_time"));
        indexes.createIndex(new Index().on("g", Sort.Direction.ASC).on("d", Sort.Direction.ASC)
                .on("t", Sort.Direction.ASC).named("grain_dim_time"));
        indexes.createIndex(new Index().on("exp", Sort.Direction.ASC).expire(Duration.ZERO).named("exp_ttl"));
    }

    /** Adds the views (owned by this batch, see PageViewLog#insertOwned) to every bucket they fall in. */
    public void add(List<PageView> views) {
        Map<String, Bucket> buckets = new LinkedHashMap<>();
        for (PageView view : views) {
            for (BucketKey key : BucketKey.of(view)) {
                buckets.computeIfAbsent(key.id(), id -> new Bucket(key)).add(view.partition(), view.offset());
            }
        }
        apply(buckets);
    }

    /** Counts hits that were not counted as views, per reason and day: what the bot and staff filters removed. */
    public void addDropped(List<DroppedHit> hits) {
        Map<String, Bucket> buckets = new LinkedHashMap<>();
        for (DroppedHit hit : hits) {
            BucketKey key = BucketKey.dropped(hit.reason(), hit.at());
            buckets.computeIfAbsent(key.id(), id -> new Bucket(key)).add(hit.partition(), hit.offset());
        }
        apply(buckets);
    }

    private void apply(Map<String, Bucket> buckets) {
        List<Increment> increments = new ArrayList<>();
        buckets.values().forEach(bucket -> bucket.offsets.forEach((partition, offsets) ->
                increments.add(new Increment(bucket.key, partition, offsets))));
        if (increments.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        increments.forEach(inc -> bulk.upsert(inc.condition(), inc.update(minuteRetention)));
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
            }
            for (BulkWriteError error : e.getErrors()) {
                applyAboveWatermark(increments.get(error.getIndex()));
            }
        }
    }

    /** The slow path after a redelivery: add only what the bucket has not seen yet. */
    private void applyAboveWatermark(Increment increment) {
        Increment remaining = increment;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.findById(increment.key.id(), Document.class, COLLECTION);
            long watermark = watermark(stored, increment.partition);
            remaining = remaining.above(watermark);
            if (remaining == null) {
                return;
            }
            try {
                // no exception: the condition held (or the bucket is new), the rest is added
                mongo.upsert(remaining.condition(), remaining.update(minuteRetention), COLLECTION);
                return;
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // another writer moved the watermark between our read and write: read again
            }
        }
        throw new org.springframework.dao.OptimisticLockingFailureException(
                "Rollup " + increment.key.id() + " kept moving under " + ATTEMPTS + " attempts");
    }

    private static long watermark(Document stored, int partition) {
        if (stored == null || !(stored.get("wm") instanceof Document wm)) {
            return -1;
        }
        Object value = wm.get("p" + partition);
        return value instanceof Number n ? n.longValue() : -1;
    }

    /** Views in one bucket: the sum over the dimension {@code ALL}. */
    public long views(Grain grain, Instant bucket, String scope) {
        Document doc = mongo.findById(new BucketKey(grain, bucket, scope, Dimension.ALL, "all").id(), Document.class,
                COLLECTION);
        return doc == null ? 0 : ((Number) doc.get("views")).longValue();
    }

    public long totalViews(String scope) {
        return views(Grain.TOTAL, Instant.EPOCH, scope);
    }

    /** Rows of one grain, scope and dimension in [from, to). */
    public Criteria range(Grain grain, String scope, Dimension dimension, Instant from, Instant to) {
        Criteria criteria = where("g").is(grain.code());
        if (scope != null) {
            criteria = criteria.and("a").is(scope);
        }
        return criteria.and("d").is(dimension.code()).and("t").gte(Date.from(from)).lt(Date.from(to));
    }

    public Query query(Criteria criteria) {
        return Query.query(criteria);
    }

    private static final class Bucket {
        final BucketKey key;
        final Map<Integer, List<Long>> offsets = new TreeMap<>();

        Bucket(BucketKey key) {
            this.key = key;
        }

        void add(int partition, long offset) {
            offsets.computeIfAbsent(partition, p -> new ArrayList<>()).add(offset);
        }
    }

    /** Adds these offsets of one partition to one bucket. */
    private record Increment(BucketKey key, int partition, List<Long> offsets) {

        long min() {
            return offsets.stream().mapToLong(Long::longValue).min().orElseThrow();
        }

        long max() {
            return offsets.stream().mapToLong(Long::longValue).max().orElseThrow();
        }

        /** @return the offsets above the watermark, or null if there are none */
        Increment above(long watermark) {
            List<Long> left = offsets.stream().filter(o -> o > watermark).toList();
            return left.isEmpty() ? null : new Increment(key, partition, left);
        }

        Query condition() {
            String field = "wm.p" + partition;
            return Query.query(where("_id").is(key.id()).orOperator(where(field).exists(false), where(field).lt(min())));
        }

        Update update(Duration minuteRetention) {
            Update update = new Update()
                    .inc("views", offsets.size())
                    .max("wm.p" + partition, max())
                    .setOnInsert("g", key.grain().code())
                    .setOnInsert("t", Date.from(key.bucket()))
                    .setOnInsert("a", key.scope())
                    .setOnInsert("d", key.dimension().code())
                    .setOnInsert("v", key.value());
            if (key.grain() == Grain.MINUTE) {
                update.setOnInsert("exp", Date.from(key.bucket().plus(minuteRetention)));
            }
            return update;
        }
    }
}
