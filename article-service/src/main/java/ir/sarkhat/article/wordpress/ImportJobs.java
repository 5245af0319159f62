package ir.sarkhat.article.wordpress;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The {@code wordpress_imports} collection: jobs and their progress, written with small field updates. */
@Repository
class ImportJobs {

    static final int MAX_PROBLEMS = 1000;

    private final MongoTemplate mongo;
    private final Clock clock;

    ImportJobs(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    ImportJob start(String startedBy, String fileName, long bytes, String file) {
        Instant now = clock.instant();
        ImportJob.Counts zero = new ImportJob.Counts(0, 0, 0, 0);
        return mongo.insert(new ImportJob(new ObjectId().toHexString(), ImportJob.RUNNING, startedBy, fileName, bytes,
                0, 0, 0, zero, zero, new LinkedHashMap<>(), List.of(), 0, now, now, 0, now, null, null, file));
    }

    Optional<ImportJob> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, ImportJob.class));
    }

    /** The newest jobs first. */
    List<ImportJob> recent(int limit) {
        return mongo.find(new org.springframework.data.mongodb.core.query.Query()
                .with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("startedAt")))
                .limit(limit), ImportJob.class);
    }

    void resumed(String id, int done) {
        update(id, new Update().set("status", ImportJob.RUNNING).set("runStartedAt", clock.instant())
                .set("runStartDone", done).set("done", done).unset("error").unset("finishedAt"));
    }

    void total(String id, int total) {
        update(id, new Update().set("total", total));
    }

    /** Progress so far: written every few items, and at the end. */
    void progress(String id, Progress p) {
        update(id, new Update().set("done", p.done).set("resumeFrom", p.done)
                .set("created", new ImportJob.Counts(p.posts, p.pages, p.comments, p.categories))
                .set("existing", new ImportJob.Counts(p.existingPosts, p.existingPages, p.existingComments, p.existingCategories))
                .set("skipped", new LinkedHashMap<>(p.skipped)).set("problems", List.copyOf(p.problems))
                .set("problemCount", p.problemCount));
    }

    void finish(String id, String status, String error) {
        Update update = new Update().set("status", status).set("finishedAt", clock.instant());
        if (error != null) {
            update.set("error", error);
        }
        update(id, update);
    }

    /**
     * Jobs left RUNNING by a stopped instance (no progress written for {@code silence}; a running job
     * writes at least every item): they can only go on when resumed with a fresh token.
     */
    void interruptStale(java.time.Duration silence, String reason) {
        mongo.updateMulti(query(where("status").is(ImportJob.RUNNING).and("updatedAt").lt(clock.instant().minus(silence))),
                new Update().set("status", ImportJob.INTERRUPTED).set("error", reason).set("updatedAt", clock.instant()),
                ImportJob.class);
    }

    private void update(String id, Update update) {
        mongo.updateFirst(query(where("_id").is(id)), update.set("updatedAt", clock.instant()), ImportJob.class);
    }

    /** Counters a running job keeps in memory and writes now and then. */
    static final class Progress {
        int done;
        int posts;
        int pages;
        int comments;
        int categories;
        int existingPosts;
        int existingPages;
        int existingComments;
        int existingCategories;
        int problemCount;
        final LinkedHashMap<String, Integer> skipped = new LinkedHashMap<>();
        final java.util.ArrayList<ImportJob.Problem> problems = new java.util.ArrayList<>();

        static Progress of(ImportJob job) {
            Progress p = new Progress();
            p.done = job.resumeFrom();
            p.posts = job.created().posts();
            p.pages = job.created().pages();
            p.existingPages = job.existing().pages();
            p.comments = job.created().comments();
            p.categories = job.created().categories();
            p.existingPosts = job.existing().posts();
            p.existingComments = job.existing().comments();
            p.existingCategories = job.existing().categories();
            p.problemCount = job.problemCount();
            p.skipped.putAll(job.skipped());
            p.problems.addAll(job.problems());
            return p;
        }

        void skip(String reason) {
            skipped.merge(reason, 1, Integer::sum);
        }

        void problem(String kind, String wordpressId, String reason) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new ImportJob.Problem(kind, wordpressId, reason));
            }
        }
    }
}
