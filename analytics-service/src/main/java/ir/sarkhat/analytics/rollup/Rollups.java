package ir.sarkhat.analytics.rollup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;


import ir.sarkhat.analytics.pageview.AnalyticsRetention;
import ir.sarkhat.analytics.store.ByIds;
import ir.sarkhat.analytics.pageview.PageView;

/**
 * Pre-aggregated view counts, minute → hour → day (and an all-time total), per article and for the whole site
 * ({@code a = "*"}), per dimension value: {@code {_id, g, t, a, d, v, views, wm: {p<partition>: offset}, exp}}.
 * <p>
 * One poll's views become one read of the touched buckets' watermarks ({@code _id $in}) and one unordered bulk of
 * {@code $inc} upserts by {@code _id}, one per bucket (all partitions of the batch in it), each adding only the
 * records above the bucket's watermark for their partition and raising those watermarks to the highest: a redelivered or replayed record cannot add
 * itself twice, and a batch applied in part before a crash adds only its missing part when it comes back. Records
 * of one partition reach a bucket in offset order from one consumer at a time (Kafka assigns a partition to one
 * member of the group), which is what makes a watermark enough. The writes are by {@code _id} alone so any store
 * finds the document by its index (the in-memory test store scans the whole collection for any other filter).
 */
@Component
public class Rollups implements InitializingBean {

    public static final String COLLECTION = "rollups";
    public static final String SITE = "*";
    /** Ranking documents ({@code d = "rank"}) count every article of a bucket in one document: {@code r.<id>}. */
    public static final String RANK_FIELD = "r.";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoTemplate mongo;
    private final Duration minuteRetention;
    private final ClosedBuckets<Document> cache;

    Rollups(MongoTemplate mongo, AnalyticsRetention retention, QueryCacheSettings caching, Clock clock) {
        this.mongo = mongo;
        this.minuteRetention = retention.minuteRollups();
        this.cache = new ClosedBuckets<>(caching.rollups(), caching.ttl(), clock);
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
                String field = key.dimension() == Dimension.RANK ? RANK_FIELD + encode(view.articleId()) : "views";
                buckets.computeIfAbsent(key.id(), id -> new Bucket(key)).add(view.partition(), view.offset(), field);
            }
        }
        apply(buckets);
    }

    /** Counts hits that were not counted as views, per reason and day: what the bot and staff filters removed. */
    public void addDropped(List<DroppedHit> hits) {
        Map<String, Bucket> buckets = new LinkedHashMap<>();
        for (DroppedHit hit : hits) {
            BucketKey key = BucketKey.dropped(hit.reason(), hit.at());
            buckets.computeIfAbsent(key.id(), id -> new Bucket(key)).add(hit.partition(), hit.offset(), "views");
        }
        apply(buckets);
    }

    private void apply(Map<String, Bucket> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        Map<String, Document> stored = new HashMap<>();
        for (Document doc : ByIds.find(mongo.getCollection(COLLECTION), new ArrayList<>(buckets.keySet()),
                new Document("wm", 1))) {
            stored.put(doc.getString("_id"), doc);
        }
        List<UpdateOneModel<Document>> upserts = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (Bucket bucket : buckets.values()) {
            Document update = bucket.above(stored.get(bucket.key.id()), minuteRetention);
            if (update != null) {
                // one op per bucket, every partition of this batch in it; by _id alone (any store finds it by
                // index); the watermarks read above are the condition. Plain driver documents: no mapping to do.
                upserts.add(new UpdateOneModel<>(new Document("_id", bucket.key.id()), update, UPSERT));
                written.add(bucket.key.id());
            }
        }
        if (!upserts.isEmpty()) {
            try {
                mongo.getCollection(COLLECTION).bulkWrite(upserts, new BulkWriteOptions().ordered(false));
            } finally {
                cache.written(written); // a bulk that failed half way wrote some: the retry skips those
            }
        }
    }

    private static long watermark(Document stored, int partition) {
        if (stored == null || !(stored.get("wm") instanceof Document wm)) {
            return -1;
        }
        Object value = wm.get("p" + partition);
        return value instanceof Number n ? n.longValue() : -1;
    }

    /**
     * Rollup documents by {@code _id} for the dashboard (absent: no views there); past buckets come from memory
     * when this instance read them before and has not written them since.
     */
    public Map<String, Document> byIds(List<String> ids) {
        return cache.getAll(ids, missing -> {
            Map<String, Document> found = new HashMap<>();
            ByIds.find(mongo.getCollection(COLLECTION), missing, null).forEach(doc -> found.put(doc.getString("_id"), doc));
            return found;
        });
    }

    /**
     * Views per article over these ranking documents (see {@link Dimension#RANK}): the closed buckets' sum is kept
     * in memory (a 30-day top list merges 29 past days of up to every article once, not on each ask), the open
     * ones (today, this hour) are added from the store.
     */
    public Map<String, Long> ranking(List<String> rankIds) {
        Map<Boolean, List<String>> byClosed = rankIds.stream().collect(Collectors.partitioningBy(cache::closed));
        List<String> closed = byClosed.get(true);
        List<String> open = byClosed.get(false);
        Map<String, Long> views = new HashMap<>(cache.merged(closed, () -> {
            Map<String, Long> sum = new HashMap<>();
            byIds(closed).values().forEach(doc -> addRanking(doc, sum));
            return Map.copyOf(sum);
        }));
        byIds(open).values().forEach(doc -> addRanking(doc, views));
        return views;
    }

    private static void addRanking(Document doc, Map<String, Long> views) {
        if (doc.get("r") instanceof Document ranking) {
            ranking.forEach((field, n) -> views.merge(decode(field), ((Number) n).longValue(), Long::sum));
        }
    }

    /** All-time views of each article (or the site) in one read; 0 for none. */
    public Map<String, Long> totalViews(Collection<String> scopes) {
        Map<String, String> scopeOfId = new HashMap<>();
        scopes.forEach(scope -> scopeOfId.put(new BucketKey(Grain.TOTAL, Instant.EPOCH, scope, Dimension.ALL, "all").id(), scope));
        Map<String, Long> views = new HashMap<>();
        scopes.forEach(scope -> views.put(scope, 0L));
        for (Document doc : ByIds.find(mongo.getCollection(COLLECTION), new ArrayList<>(scopeOfId.keySet()),
                new Document("views", 1))) {
            views.put(scopeOfId.get(doc.getString("_id")), ((Number) doc.get("views")).longValue());
        }
        return views;
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

    /**
     * An article id as a field name of a ranking document: {@code .} and {@code $} (and the escape character) are
     * percent-encoded, as a field path may not contain them.
     */
    static String encode(String articleId) {
        return articleId.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public static String decode(String field) {
        return field.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    /** One record's contribution to a bucket: its offset and the counter it adds one to. */
    private record Hit(long offset, String field) {
    }

    /** What one batch adds to one bucket, per partition (a batch only holds partitions this consumer owns). */
    private static final class Bucket {
        final BucketKey key;
        final Map<Integer, List<Hit>> hits = new TreeMap<>();

        Bucket(BucketKey key) {
            this.key = key;
        }

        void add(int partition, long offset, String field) {
            hits.computeIfAbsent(partition, p -> new ArrayList<>()).add(new Hit(offset, field));
        }

        /**
         * The records of each partition above that partition's stored watermark, as one update that adds them and
         * raises every watermark it passed; null when every record was counted before.
         */
        Document above(Document stored, Duration minuteRetention) {
            Document counts = new Document();
            Document highest = new Document();
            hits.forEach((partition, list) -> {
                long watermark = watermark(stored, partition);
                for (Hit hit : list) {
                    if (hit.offset() > watermark) {
                        counts.merge(hit.field(), 1, (a, b) -> (Integer) a + (Integer) b);
                        highest.merge("wm.p" + partition, hit.offset(), (a, b) -> Math.max((Long) a, (Long) b));
                    }
                }
            });
            if (counts.isEmpty()) {
                return null;
            }
            Document onInsert = new Document("g", key.grain().code()).append("t", Date.from(key.bucket()))
                    .append("a", key.scope()).append("d", key.dimension().code()).append("v", key.value());
            if (key.grain() == Grain.MINUTE) {
                onInsert.append("exp", Date.from(key.bucket().plus(minuteRetention)));
            }
            return new Document("$inc", counts).append("$max", highest).append("$setOnInsert", onInsert);
        }
    }
}
