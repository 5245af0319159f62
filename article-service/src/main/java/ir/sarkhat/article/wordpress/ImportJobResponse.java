package ir.sarkhat.article.wordpress;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import job as the API shows it. {@code rate} is items per second in the current run;
 * {@code problems} name each bad item by its WordPress id with the reason.
 */
record ImportJobResponse(String id, String status, String fileName, long bytes, int total, int done, double rate,
        ImportJob.Counts created, ImportJob.Counts existing, Map<String, Integer> skipped,
        List<ImportJob.Problem> problems, int problemCount, String startedBy, Instant startedAt, Instant updatedAt,
        Instant finishedAt, String error) {

    static ImportJobResponse of(ImportJob job, Instant now) {
        return new ImportJobResponse(job.id(), job.status(), job.fileName(), job.bytes(), job.total(), job.done(),
                job.rate(now), job.created(), job.existing(), job.skipped(), job.problems(), job.problemCount(),
                job.startedBy(), job.startedAt(), job.updatedAt(), job.finishedAt(), job.error());
    }
}
