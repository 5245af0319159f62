package ir.sarkhat.analytics.visitor;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.dynatrace.hash4j.distinctcount.UltraLogLog;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

import ir.sarkhat.analytics.pageview.PageView;
import ir.sarkhat.analytics.store.ByIds;
import ir.sarkhat.analytics.rollup.ClosedBuckets;
import ir.sarkhat.analytics.rollup.QueryCacheSettings;
import ir.sarkhat.analytics.rollup.Rollups;

/**
 * Unique visitors as UltraLogLog sketches (hash4j, precision 12: 4 KiB, about 1 % standard error, exact-looking for
 * small counts): one per article and day, one per article for all time, and for the site per day and per hour.
 * {@code visitor_sketches: {_id: "<d|h|t>|<bucket>|<scope>", s: binary state, version}}. Adding a visitor twice
 * changes nothing, so redelivery cannot inflate a sketch; sketches of days are merged at query time, so a visitor
 * is not counted twice across the days of a range.
 */
@Component
public class VisitorSketches {

    public static final String COLLECTION = "visitor_sketches";
    static final int PRECISION = 12;
    private static final int ATTEMPTS = 5;
    private static final Hasher64 HASH = Hashing.komihash5_0();

    private final MongoTemplate mongo;
    /** States of closed days' and hours' sketches, for the dashboard; never handed out to be changed. */
    private final ClosedBuckets<byte[]> cache;

    VisitorSketches(MongoTemplate mongo, QueryCacheSettings caching, Clock clock) {
        this.mongo = mongo;
        this.cache = new ClosedBuckets<>(caching.sketches(), caching.ttl(), clock);
    }

    public void add(List<PageView> views) {
        Map<String, List<Long>> hashes = new LinkedHashMap<>();
        for (PageView view : views) {
            long hash = HASH.hashCharsToLong(view.visitorKey());
            Instant day = view.viewedAt().truncatedTo(ChronoUnit.DAYS);
            for (String id : List.of(dayId(day, view.articleId()), totalId(view.articleId()), dayId(day, Rollups.SITE),
                    hourId(view.viewedAt().truncatedTo(ChronoUnit.HOURS)))) {
                hashes.computeIfAbsent(id, k -> new ArrayList<>()).add(hash);
            }
        }
        Map<String, Document> stored = new HashMap<>();
        for (Document doc : ByIds.find(mongo.getCollection(COLLECTION), new ArrayList<>(hashes.keySet()), null)) {
            stored.put(doc.getString("_id"), doc);
        }
        List<ReplaceOneModel<Document>> owned = new ArrayList<>();
        try {
            hashes.forEach((id, added) -> {
                if (id.endsWith("|" + Rollups.SITE)) {
                    addShared(id, added); // written by every partition's consumer: optimistic versions
                } else {
                    ReplaceOneModel<Document> replace = addOwned(id, added, stored.get(id));
                    if (replace != null) {
                        owned.add(replace);
                    }
                }
            });
            if (!owned.isEmpty()) {
                mongo.getCollection(COLLECTION).bulkWrite(owned, new BulkWriteOptions().ordered(false));
            }
        } finally {
            cache.written(hashes.keySet()); // also after a failure half way: the retry may find nothing to write
        }
    }

    /**
     * An article's sketch: only the consumer of that article's partition writes it, so it is replaced by _id alone
     * (in one bulk with the batch's other article sketches). Null when every visitor was in it already.
     */
    private static ReplaceOneModel<Document> addOwned(String id, List<Long> hashes, Document stored) {
        UltraLogLog sketch = stored == null ? UltraLogLog.create(PRECISION) : UltraLogLog.wrap(state(stored));
        if (!addAll(sketch, hashes) && stored != null) {
            return null;
        }
        return new ReplaceOneModel<>(new Document("_id", id),
                new Document("_id", id).append("s", new Binary(sketch.getState())).append("version", 1L),
                new ReplaceOptions().upsert(true));
    }

    /** @return whether the sketch changed (every visitor already in: it did not) */
    private static boolean addAll(UltraLogLog sketch, List<Long> hashes) {
        byte[] before = sketch.getState().clone();
        for (long hash : hashes) {
            sketch.add(hash);
        }
        return !java.util.Arrays.equals(before, sketch.getState());
    }

    private void addShared(String id, List<Long> hashes) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.findById(id, Document.class, COLLECTION);
            UltraLogLog sketch = stored == null ? UltraLogLog.create(PRECISION) : UltraLogLog.wrap(state(stored));
            if (!addAll(sketch, hashes) && stored != null) {
                return;
            }
            try {
                if (stored == null) {
                    mongo.insert(new Document("_id", id).append("s", new Binary(sketch.getState())).append("version", 1L),
                            COLLECTION);
                    return;
                }
                long version = stored.get("version", Number.class).longValue();
                Update update = new Update().set("s", new Binary(sketch.getState())).inc("version", 1);
                if (mongo.updateFirst(Query.query(where("_id").is(id).and("version").is(version)), update, COLLECTION)
                        .getMatchedCount() == 1) {
                    return;
                }
            } catch (DuplicateKeyException raced) {
                // another writer created it first: merge into theirs
            }
        }
        throw new OptimisticLockingFailureException("Visitor sketch " + id + " kept changing under " + ATTEMPTS + " attempts");
    }

    /** Distinct visitors of an article (or the site, scope "*") over whole UTC days [from, to]. */
    public long visitorsOnDays(String scope, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            ids.add(dayId(day.atStartOfDay(ZoneOffset.UTC).toInstant(), scope));
        }
        return estimate(ids);
    }

    /** Distinct site visitors over whole UTC hours [from, to). */
    public long siteVisitorsOnHours(Instant from, Instant to) {
        List<String> ids = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
            ids.add(hourId(hour));
        }
        return estimate(ids);
    }

    public long allTimeVisitors(String articleId) {
        return estimate(List.of(totalId(articleId)));
    }

    /** All-time distinct visitors of each article, in one read; 0 for none. */
    public Map<String, Long> allTimeVisitors(Collection<String> articleIds) {
        Map<String, String> articleOfId = new HashMap<>();
        articleIds.forEach(article -> articleOfId.put(totalId(article), article));
        Map<String, Long> visitors = new HashMap<>();
        articleIds.forEach(article -> visitors.put(article, 0L));
        for (Document doc : ByIds.find(mongo.getCollection(COLLECTION), new ArrayList<>(articleOfId.keySet()), null)) {
            visitors.put(articleOfId.get(doc.getString("_id")), round(UltraLogLog.wrap(state(doc))));
        }
        return visitors;
    }

    /**
     * Per scope: distinct visitors over whole days [from, to], for many articles. The past days of each scope are
     * merged once and kept in memory (until one of them is written); today's sketches are read and added.
     */
    public Map<String, Long> visitorsOnDays(Collection<String> scopes, LocalDate from, LocalDate to) {
        Map<String, List<String>> closedOf = new HashMap<>();
        Map<String, String> scopeOfOpen = new HashMap<>();
        for (String scope : scopes) {
            List<String> closed = closedOf.computeIfAbsent(scope, s -> new ArrayList<>());
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                String id = dayId(day.atStartOfDay(ZoneOffset.UTC).toInstant(), scope);
                if (cache.closed(id)) {
                    closed.add(id);
                } else {
                    scopeOfOpen.put(id, scope);
                }
            }
        }
        Map<String, UltraLogLog> merged = new HashMap<>();
        closedOf.forEach((scope, ids) -> {
            byte[] past = cache.merged(ids, () -> {
                UltraLogLog sum = UltraLogLog.create(PRECISION);
                states(ids).values().forEach(state -> sum.add(UltraLogLog.wrap(state)));
                return sum.getState();
            });
            merged.put(scope, UltraLogLog.create(PRECISION).add(UltraLogLog.wrap(past)));
        });
        states(scopeOfOpen.keySet()).forEach((id, state) -> merged.get(scopeOfOpen.get(id)).add(UltraLogLog.wrap(state)));
        Map<String, Long> visitors = new HashMap<>();
        scopes.forEach(scope -> visitors.put(scope, round(merged.get(scope))));
        return visitors;
    }

    /** Distinct visitors of each (day, scope), in the order asked, in one read. */
    public long[] visitorsOfDays(List<Instant> days, List<String> scopes) {
        List<String> ids = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            ids.add(dayId(days.get(i), scopes.get(i)));
        }
        Map<String, Long> found = new HashMap<>();
        states(ids).forEach((id, state) -> found.put(id, round(UltraLogLog.wrap(state))));
        return ids.stream().mapToLong(id -> found.getOrDefault(id, 0L)).toArray();
    }

    private long estimate(List<String> ids) {
        UltraLogLog merged = UltraLogLog.create(PRECISION);
        states(ids).values().forEach(state -> merged.add(UltraLogLog.wrap(state)));
        return round(merged);
    }

    /** Sketch states by id, closed buckets from memory when there: read-only, merge them into a new sketch. */
    private Map<String, byte[]> states(Collection<String> ids) {
        return cache.getAll(ids, missing -> {
            Map<String, byte[]> found = new HashMap<>();
            for (Document doc : ByIds.find(mongo.getCollection(COLLECTION), missing, null)) {
                found.put(doc.getString("_id"), state(doc));
            }
            return found;
        });
    }

    private static long round(UltraLogLog sketch) {
        return Math.round(sketch.getDistinctCountEstimate());
    }

    private static byte[] state(Document doc) {
        Object s = doc.get("s");
        return s instanceof Binary binary ? binary.getData() : (byte[]) s;
    }

    private static String dayId(Instant day, String scope) {
        return "d|" + day.toEpochMilli() + "|" + scope;
    }

    private static String hourId(Instant hour) {
        return "h|" + hour.toEpochMilli() + "|" + Rollups.SITE;
    }

    private static String totalId(String scope) {
        return "t|" + scope;
    }
}
