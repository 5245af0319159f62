package ir.sarkhat.article.wordpress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One WXR import: its state, progress and what it found. {@code file} is the uploaded copy on this
 * instance's disk, kept until the job is DONE so an INTERRUPTED job can resume. {@code resumeFrom} is
 * the number of items fully handled; a resumed run skips them (the item in flight is redone, which is
 * harmless: every write is idempotent).
 *
 * @param status      RUNNING, DONE, FAILED (the file cannot be imported; nothing was written) or
 *                    INTERRUPTED (stopped part-way: restart, expired token, comment-service down)
 * @param total       items in the file (all post types), counted by a first streaming pass
 * @param created     what this job wrote: posts, pages (as draft articles), comments, categories;
 *                    {@code existing} what was already there
 * @param skipped     items deliberately not imported, by reason (pages, attachments, menu items…)
 * @param problems    bad items with their WordPress id and the reason (at most {@value ImportJobs#MAX_PROBLEMS})
 */
@Document(ImportJob.COLLECTION)
record ImportJob(@Id String id, String status, String startedBy, String fileName, long bytes, int total, int done,
        int resumeFrom, Counts created, Counts existing, Map<String, Integer> skipped, List<Problem> problems,
        int problemCount, Instant startedAt, Instant runStartedAt, int runStartDone, Instant updatedAt,
        Instant finishedAt, String error, String file) {

    static final String COLLECTION = "wordpress_imports";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String INTERRUPTED = "INTERRUPTED";

    /** How many of each kind. */
    record Counts(int posts, int pages, int comments, int categories) {
    }

    /** A bad item: {@code wordpressId} is the post (or comment) id, {@code kind} post, comment, category or file. */
    record Problem(String kind, String wordpressId, String reason) {
    }

    /** Items per second in the current run (resumed items are not counted as work). */
    double rate(Instant now) {
        if (runStartedAt == null) {
            return 0;
        }
        Instant end = finishedAt != null && !RUNNING.equals(status) ? finishedAt : now;
        double seconds = Math.max(0.001, Duration.between(runStartedAt, end).toMillis() / 1000.0);
        return Math.round((done - runStartDone) / seconds * 10) / 10.0;
    }
}
