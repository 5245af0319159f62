package ir.sarkhat.analytics.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ir.sarkhat.analytics.article.PublishedArticle;
import ir.sarkhat.analytics.rollup.BucketKey;
import ir.sarkhat.analytics.rollup.Dimension;
import ir.sarkhat.analytics.rollup.Grain;
import ir.sarkhat.analytics.rollup.Rollups;
import ir.sarkhat.analytics.stats.ReadershipQueries;
import ir.sarkhat.analytics.visitor.VisitorSketches;

/**
 * The dashboard's fast queries, answered from rollups (views) and visitor sketches or, for windows that are not
 * whole days, exact distinct counts over the raw views. Their cost grows with the number of buckets in the range,
 * not with the number of views.
 */
@Component
public class RollupReports {

    private final MongoTemplate mongo;
    private final Rollups rollups;
    private final VisitorSketches sketches;
    private final RawVisitors raw;
    private final ReadershipQueries readership;

    RollupReports(MongoTemplate mongo, Rollups rollups, VisitorSketches sketches, RawVisitors raw,
            ReadershipQueries readership) {
        this.mongo = mongo;
        this.rollups = rollups;
        this.sketches = sketches;
        this.raw = raw;
        this.readership = readership;
    }

    /**
     * Articles by views in the range, best first (ties: id), a page of them: every article can be reached, there is
     * no "others" row. Read from the range's ranking documents (one per hour or day, by id), merged here. An article
     * not in the replica (never published here) is listed under its id.
     */
    public List<ArticleRow> topArticles(ReportRange range, int offset, int limit) {
        Grain grain = range.breakdownGrain();
        Map<String, Long> views = rollups.ranking(bucketIds(grain, range.breakdownFrom(), range.to(), Rollups.SITE,
                Dimension.RANK, "all"));
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(views.entrySet());
        ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<String, Long>> page = ranked.subList(Math.min(offset, ranked.size()),
                Math.min(ranked.size(), offset + limit));
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        page.forEach(e -> ids.add(e.getKey()));
        Map<String, Document> catalog = new HashMap<>();
        mongo.getCollection(PublishedArticle.COLLECTION).find(new Document("_id", new Document("$in", new ArrayList<>(ids))))
                .forEach(doc -> catalog.put(doc.getString("_id"), doc));
        Map<String, Long> visitors = visitorsOf(range, ids);
        Map<String, Long> comments = readership.comments(ids);
        List<ArticleRow> rows = new ArrayList<>(page.size());
        for (Map.Entry<String, Long> entry : page) {
            Document article = catalog.get(entry.getKey());
            String slug = article == null ? null : article.getString("slug");
            String title = article == null ? null : article.getString("title");
            rows.add(new ArticleRow(entry.getKey(), title == null ? (slug == null ? entry.getKey() : slug) : title, slug,
                    entry.getValue(), visitors.getOrDefault(entry.getKey(), 0L), comments.getOrDefault(entry.getKey(), 0L)));
        }
        return rows;
    }

    /** The ids of every bucket of a grain in [from, to) for one scope, dimension and value. */
    private static List<String> bucketIds(Grain grain, Instant from, Instant to, String scope, Dimension dimension,
            String value) {
        List<String> ids = new ArrayList<>();
        for (Instant at = grain.bucketOf(from); at.isBefore(to); at = at.plus(1, grain.unit())) {
            ids.add(BucketKey.id(grain, at, scope, dimension, value));
        }
        return ids;
    }

    /**
     * Documents by _id: found through the unique index on any store, whatever the collection's size, and past
     * buckets' from memory (see {@link Rollups#byIds}).
     */
    private Iterable<Document> byIds(List<String> ids) {
        return rollups.byIds(ids).values();
    }

    private Map<String, Long> visitorsOf(ReportRange range, java.util.Set<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        if (range.grain() == Grain.DAY) {
            return sketches.visitorsOnDays(articleIds, range.firstDay(), range.lastDay());
        }
        return raw.byField("articleId", range.from(), range.to(), null, articleIds);
    }

    /** Views and visitors per bucket of the range's grain, empty buckets included; scope null = the site. */
    public List<SeriesPoint> timeSeries(ReportRange range, String articleId) {
        String scope = articleId == null ? Rollups.SITE : articleId;
        Map<Instant, Long> views = new HashMap<>();
        for (Document row : byIds(bucketIds(range.grain(), range.from(), range.to(), scope, Dimension.ALL, "all"))) {
            views.put(row.getDate("t").toInstant(), ((Number) row.get("views")).longValue());
        }
        List<Instant> buckets = new ArrayList<>();
        for (Instant at = range.from(); at.isBefore(range.to()); at = at.plus(1, range.grain().unit())) {
            buckets.add(at);
        }
        long[] dayVisitors = range.grain() == Grain.DAY
                ? sketches.visitorsOfDays(buckets, java.util.Collections.nCopies(buckets.size(), scope)) // one read
                : null;
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            Instant at = buckets.get(i);
            long pageviews = views.getOrDefault(at, 0L);
            long visitors = pageviews == 0 ? 0
                    : dayVisitors != null ? dayVisitors[i] : visitorsIn(range.grain(), at, scope, articleId);
            points.add(new SeriesPoint(at, pageviews, visitors));
        }
        return points;
    }

    private long visitorsIn(Grain grain, Instant bucket, String scope, String articleId) {
        Instant end = bucket.plus(1, grain.unit());
        if (grain == Grain.HOUR && articleId == null) {
            return sketches.siteVisitorsOnHours(bucket, end);
        }
        return raw.total(bucket, end, articleId);
    }

    /** Views (and visitors) per value of a dimension in the range, most viewed first, a page of them. */
    public List<BreakdownRow> breakdown(ReportRange range, String articleId, Dimension dimension, int offset, int limit) {
        String scope = articleId == null ? Rollups.SITE : articleId;
        List<Document> pipeline = List.of(
                new Document("$match", new Document("g", range.breakdownGrain().code()).append("a", scope)
                        .append("d", dimension.code()).append("t", timeRange(range.breakdownFrom(), range.to()))),
                new Document("$group", new Document("_id", "$v").append("views", new Document("$sum", "$views"))),
                new Document("$sort", new Document("views", -1).append("_id", 1)),
                new Document("$skip", offset),
                new Document("$limit", limit));
        List<Document> page = new ArrayList<>();
        mongo.getCollection(Rollups.COLLECTION).aggregate(pipeline).forEach((Consumer<Document>) page::add);
        Map<String, Long> visitors = raw.byField("traffic." + dimension.code(), range.breakdownFrom(), range.to(),
                articleId, null);
        List<BreakdownRow> rows = new ArrayList<>();
        for (Document row : page) {
            String value = row.getString("_id");
            Long v = visitors.get(value);
            if (v == null && value != null && value.equals(dimension.missingLabel())) {
                v = visitors.get(null);
            }
            rows.add(new BreakdownRow(value, ((Number) row.get("views")).longValue(), v == null ? 0 : v));
        }
        return rows;
    }

    /** Views and visitors of the whole range; article null = the site. */
    public SeriesPoint aggregate(ReportRange range, String articleId) {
        String scope = articleId == null ? Rollups.SITE : articleId;
        long pageviews = 0;
        for (Document row : byIds(bucketIds(range.grain(), range.from(), range.to(), scope, Dimension.ALL, "all"))) {
            pageviews += ((Number) row.get("views")).longValue();
        }
        long visitors = range.grain() == Grain.DAY ? sketches.visitorsOnDays(scope, range.firstDay(), range.lastDay())
                : raw.total(range.from(), range.to(), articleId);
        return new SeriesPoint(range.from(), pageviews, visitors);
    }

    /** Hits the filters dropped in the range, per reason (robot, headless, staff, ...). */
    public Map<String, Long> droppedHits(ReportRange range) {
        Map<String, Long> dropped = new LinkedHashMap<>();
        Document match = new Document("g", Grain.DAY.code()).append("a", Rollups.SITE).append("d", Dimension.DROPPED.code())
                .append("t", timeRange(range.from().truncatedTo(java.time.temporal.ChronoUnit.DAYS), range.to()));
        for (Document row : mongo.getCollection(Rollups.COLLECTION).find(match)) {
            dropped.merge(row.getString("v"), ((Number) row.get("views")).longValue(), Long::sum);
        }
        return dropped;
    }

    static Document timeRange(Instant from, Instant to) {
        return new Document("$gte", Date.from(from)).append("$lt", Date.from(to));
    }
}
