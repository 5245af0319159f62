package ir.sarkhat.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The moderation queue and an article's public thread with many comments in the store: seeds comment
 * documents in comment-service's stored shape by bulk inserts into the embedded MongoDB-protocol store
 * (mongo-java-server, memory backend — what tests and CI use), then times the two reads as
 * comment-service sends them (first page of each). System properties: {@code bench.comments} (default 1 000 000),
 * {@code bench.perArticle} (1 000), {@code bench.runs} (200), {@code bench.seedMinutes} (5: stop seeding
 * there and measure at the size reached), {@code bench.queryMinutes} (2 per query).
 */
public final class CommentQueriesBench {

    static final int QUEUE_PAGE = 50;
    static final int THREAD_PAGE = 20;

    public static void main(String[] args) {
        long target = Long.getLong("bench.comments", 1_000_000);
        int perArticle = Integer.getInteger("bench.perArticle", 1_000);
        int runs = Integer.getInteger("bench.runs", 200);
        Duration seedLimit = Duration.ofMinutes(Long.getLong("bench.seedMinutes", 5));
        Duration queryLimit = Duration.ofMinutes(Long.getLong("bench.queryMinutes", 2));

        MongoServer server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> comments = client.getDatabase("sarkhat-comments").getCollection("comments");
            // The indexes comment-service creates (the embedded store ignores compound ones; MongoDB uses them).
            comments.createIndex(Indexes.ascending("articleId", "status", "parentId", "createdAt"));
            comments.createIndex(Indexes.ascending("rootId", "status"));
            comments.createIndex(Indexes.ascending("status", "createdAt"));

            Seeded seeded = seed(comments, target, perArticle, seedLimit);
            System.out.printf("seeded %,d comments on %,d articles in %.1f s (%,.0f docs/s)%s%n", seeded.count,
                    seeded.articles.size(), seeded.seconds, seeded.count / seeded.seconds,
                    seeded.count < target ? "  — STOPPED at the seeding time limit, below the target of "
                            + String.format("%,d", target) : "");

            Random random = new Random(7);
            // Moderation queue, first page: PENDING, newest first (CommentModeration.queue: createdAt, _id desc; page + 1).
            Latencies queue = time("pending queue", runs, queryLimit, () -> {
                List<Document> page = comments.find(Filters.eq("status", "PENDING"))
                        .projection(Projections.exclude("outbox", "audit"))
                        .sort(Sorts.descending("createdAt", "_id")).limit(QUEUE_PAGE + 1).into(new ArrayList<>());
                return page.size();
            });
            // Public thread, first page of a random article (PublicThread.page): 20 top-level comments newest
            // first, then all their approved replies by rootId, and the article's approved count.
            Latencies thread = time("public thread", runs, queryLimit, () -> {
                String articleId = seeded.articles.get(random.nextInt(seeded.articles.size()));
                List<Document> roots = comments.find(Filters.and(Filters.eq("articleId", articleId),
                        Filters.eq("status", "APPROVED"), Filters.eq("parentId", null)))
                        .sort(Sorts.descending("createdAt", "_id")).limit(THREAD_PAGE + 1).into(new ArrayList<>());
                List<Object> rootIds = roots.stream().limit(THREAD_PAGE).map(d -> (Object) d.getObjectId("_id").toHexString()).toList();
                List<Document> replies = comments.find(Filters.and(Filters.eq("articleId", articleId),
                        Filters.eq("status", "APPROVED"), Filters.in("rootId", rootIds), Filters.gt("depth", 0)))
                        .sort(Sorts.ascending("createdAt", "_id")).into(new ArrayList<>());
                comments.countDocuments(Filters.and(Filters.eq("articleId", articleId), Filters.eq("status", "APPROVED")));
                return Math.min(roots.size(), THREAD_PAGE) + replies.size();
            });
            System.out.printf("%nRESULT comments=%d queue: runs=%d p50=%.1f ms p99=%.1f ms | thread: runs=%d p50=%.1f ms p99=%.1f ms%n",
                    seeded.count, queue.count(), queue.percentileMillis(50), queue.percentileMillis(99),
                    thread.count(), thread.percentileMillis(50), thread.percentileMillis(99));
        } finally {
            server.shutdownNow();
        }
    }

    record Seeded(long count, List<String> articles, double seconds) {
    }

    /** 80 % approved, 10 % pending, 7 % spam, 3 % trash; a third of them replies; one creation second apart. */
    private static Seeded seed(MongoCollection<Document> comments, long target, int perArticle, Duration limit) {
        Random random = new Random(42);
        List<String> articles = new ArrayList<>();
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long count = 0;
        List<Document> batch = new ArrayList<>(10_000);
        String articleId = null;
        List<ObjectId> recent = new ArrayList<>();
        java.util.Map<ObjectId, ObjectId> rootOf = new java.util.HashMap<>();
        java.util.Map<ObjectId, Integer> depthOf = new java.util.HashMap<>();
        while (count < target && System.nanoTime() < deadline) {
            if (count % perArticle == 0) {
                articleId = new ObjectId().toHexString();
                articles.add(articleId);
                recent.clear();
                rootOf.clear();
                depthOf.clear();
            }
            int roll = random.nextInt(100);
            String status = roll < 80 ? "APPROVED" : roll < 90 ? "PENDING" : roll < 97 ? "SPAM" : "TRASH";
            ObjectId id = new ObjectId();
            ObjectId parent = !recent.isEmpty() && random.nextInt(3) == 0 ? recent.get(random.nextInt(recent.size())) : null;
            recent.add(id);
            int depth = parent == null ? 0 : Math.min(5, depthOf.get(parent) + 1);
            rootOf.put(id, parent == null ? id : rootOf.get(parent));
            depthOf.put(id, depth);
            batch.add(new Document("_id", id).append("articleId", articleId)
                    .append("parentId", parent == null ? null : parent.toHexString())
                    .append("rootId", rootOf.get(id).toHexString()).append("depth", depth)
                    .append("authorName", "خواننده " + (count % 5000))
                    .append("authorEmail", "reader" + (count % 50_000) + "@example.ir")
                    .append("body", "دیدگاه شماره " + count + " دربارهٔ این خبر؛ متن کوتاهی مانند بیشتر دیدگاه‌ها.")
                    .append("status", status)
                    .append("createdAt", Date.from(base.plusSeconds(count)))
                    .append("notifyApproval", random.nextBoolean()).append("notifyReplies", random.nextBoolean())
                    .append("version", 1L));
            count++;
            if (batch.size() == 10_000) {
                comments.insertMany(batch);
                batch.clear();
                if (count % 100_000 == 0) {
                    System.out.printf("  seeded %,d (%.0f s)%n", count, (System.nanoTime() - start) / 1e9);
                }
            }
        }
        if (!batch.isEmpty()) {
            comments.insertMany(batch);
        }
        return new Seeded(count, articles, (System.nanoTime() - start) / 1e9);
    }

    private static Latencies time(String label, int runs, Duration limit, Supplier<Integer> query) {
        for (int i = 0; i < 5; i++) {
            query.get(); // warm-up
        }
        Latencies latencies = new Latencies();
        long deadline = System.nanoTime() + limit.toNanos();
        int found = 0;
        for (int i = 0; i < runs && System.nanoTime() < deadline; i++) {
            long t0 = System.nanoTime();
            found = query.get();
            latencies.add(System.nanoTime() - t0);
        }
        System.out.printf("%-14s %d runs  p50 %.1f ms  p99 %.1f ms  (last answer: %d comments)%n", label,
                latencies.count(), latencies.percentileMillis(50), latencies.percentileMillis(99), found);
        return latencies;
    }
}
