package ir.sarkhat.analytics.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoCollection;

/**
 * Reads documents by {@code _id $in}, a few hundred ids per query. MongoDB does not mind a long {@code $in}, but the
 * in-memory store of the tests, CI and benchmarks (mongo-java-server) re-checks every document the index found
 * against the whole list, so one query for n ids costs n² comparisons: a poll's 40 000 rollup ids took seconds.
 */
public final class ByIds {

    static final int CHUNK = 256;

    private ByIds() {
    }

    /** @param projection the fields to read, or null for all */
    public static List<Document> find(MongoCollection<Document> collection, List<String> ids, Document projection) {
        List<Document> found = new ArrayList<>(ids.size());
        for (List<String> chunk : chunks(ids)) {
            var query = collection.find(new Document("_id", new Document("$in", chunk)));
            (projection == null ? query : query.projection(projection)).into(found);
        }
        return found;
    }

    /** The same, mapped to {@code type} from its own collection. */
    public static <T> List<T> find(MongoTemplate mongo, List<String> ids, Class<T> type) {
        List<T> found = new ArrayList<>(ids.size());
        for (List<String> chunk : chunks(ids)) {
            found.addAll(mongo.find(Query.query(where("_id").in(chunk)), type));
        }
        return found;
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }
}
