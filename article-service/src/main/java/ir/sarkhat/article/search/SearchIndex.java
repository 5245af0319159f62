package ir.sarkhat.article.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * The {@code search_index} collection: one document per published article, {@code _id} = article id.
 * Every write replaces a whole entry or deletes it, so applying the same change twice changes nothing.
 * Works on the embedded store (no {@code $text}): lookups are equality / {@code $all} / {@code $in} on
 * the multikey-indexed {@code terms} array.
 */
@Repository
class SearchIndex implements InitializingBean {

    static final String COLLECTION = "search_index";

    private final MongoTemplate mongo;

    SearchIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("terms", Direction.ASC).named("terms"));
    }

    void save(SearchEntry entry) {
        Document doc = new Document("_id", entry.id())
                .append("slug", entry.slug())
                .append("title", entry.title())
                .append("excerpt", entry.excerpt())
                .append("publishedAt", date(entry.publishedAt()))
                .append("updatedAt", date(entry.updatedAt()))
                .append("terms", entry.terms())
                .append("tf", entry.counts())
                .append("length", entry.length())
                .append("titleTerms", entry.titleTerms());
        collection().replaceOne(Filters.eq("_id", entry.id()), doc, new ReplaceOptions().upsert(true));
    }

    void remove(String id) {
        collection().deleteOne(Filters.eq("_id", id));
    }

    long size() {
        return collection().countDocuments();
    }

    /** How many entries contain the term: one count on the multikey index. */
    long documentFrequency(String term) {
        return collection().countDocuments(Filters.eq("terms", term));
    }

    double averageLength() {
        Document avg = collection().aggregate(List.of(
                Aggregates.group(null, Accumulators.avg("avg", "$length")))).first();
        return avg == null || avg.get("avg") == null ? 0 : ((Number) avg.get("avg")).doubleValue();
    }

    long countWith(List<String> terms, boolean all) {
        return collection().countDocuments(filter(terms, all));
    }

    /** Entries with all (or any) of the terms, newest first, at most {@code limit}. */
    List<SearchEntry> withTerms(List<String> terms, boolean all, int limit) {
        List<SearchEntry> found = new ArrayList<>();
        collection().find(filter(terms, all)).sort(Sorts.descending("publishedAt", "_id")).limit(limit)
                .forEach(doc -> found.add(entry(doc)));
        return found;
    }

    /** Article id → the {@code updatedAt} it was indexed at (null when unknown), for the backfill. */
    Map<String, Instant> indexedVersions() {
        Map<String, Instant> versions = new HashMap<>();
        collection().find().projection(Projections.include("updatedAt"))
                .forEach(doc -> versions.put(doc.get("_id").toString(), instant(doc.get("updatedAt"))));
        return versions;
    }

    private static Bson filter(List<String> terms, boolean all) {
        return all ? Filters.all("terms", terms) : Filters.in("terms", terms);
    }

    @SuppressWarnings("unchecked")
    private static SearchEntry entry(Document doc) {
        return new SearchEntry(doc.get("_id").toString(), doc.getString("slug"), doc.getString("title"),
                doc.getString("excerpt"), instant(doc.get("publishedAt")), instant(doc.get("updatedAt")),
                (List<String>) doc.get("terms", List.class), (List<Integer>) doc.get("tf", List.class),
                ((Number) doc.get("length")).intValue(), (List<String>) doc.get("titleTerms", List.class));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
