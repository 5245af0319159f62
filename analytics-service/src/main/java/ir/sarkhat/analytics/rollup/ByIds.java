package ir.sarkhat.analytics.rollup;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;

/**
 * Reads documents by {@code _id $in}, a few hundred ids per query. MongoDB does not mind a long {@code $in}, but the
 * in-memory store of the tests, CI and benchmarks (mongo-java-server) re-checks every document the index found
 * against the whole list, so one query for n ids costs n² comparisons: a poll's 40 000 rollup ids took seconds.
 */
public final class ByIds {

    public static final int CHUNK = 256;

    private ByIds() {
    }

    /** @param projection the fields to read, or null for all */
    public static List<Document> find(MongoCollection<Document> collection, List<String> ids, Document projection) {
        List<Document> found = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            var query = collection.find(new Document("_id", new Document("$in",
                    ids.subList(from, Math.min(ids.size(), from + CHUNK)))));
            (projection == null ? query : query.projection(projection)).into(found);
        }
        return found;
    }
}
