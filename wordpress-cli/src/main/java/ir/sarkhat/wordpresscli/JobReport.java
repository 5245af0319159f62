package ir.sarkhat.wordpresscli;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** How the command shows a job: one progress line while it runs, a summary at the end. */
final class JobReport {

    private JobReport() {
    }

    static String progress(JsonNode job) {
        int total = job.get("total").asInt();
        int done = job.get("done").asInt();
        String percent = total == 0 ? "" : String.format(Locale.ROOT, " (%d%%)", done * 100L / total);
        return String.format(Locale.ROOT, "%s: %d/%d items%s, %.1f items/s, %d problems", job.get("status").asString(),
                done, total, percent, job.get("rate").asDouble(), job.get("problemCount").asInt());
    }

    static String summary(JsonNode job) {
        StringBuilder out = new StringBuilder();
        JsonNode created = job.get("created");
        JsonNode existing = job.get("existing");
        out.append(String.format(Locale.ROOT, "Job %s %s: %d/%d items.%n", job.get("id").asString(),
                job.get("status").asString(), job.get("done").asInt(), job.get("total").asInt()));
        out.append(String.format(Locale.ROOT, "  imported: %d posts, %d pages (as drafts), %d comments, %d categories%n",
                created.get("posts").asInt(), created.get("pages").asInt(), created.get("comments").asInt(),
                created.get("categories").asInt()));
        out.append(String.format(Locale.ROOT, "  already there: %d posts, %d pages, %d comments, %d categories%n",
                existing.get("posts").asInt(), existing.get("pages").asInt(), existing.get("comments").asInt(),
                existing.get("categories").asInt()));
        job.get("skipped").properties().forEach(e -> out.append("  skipped ").append(e.getKey()).append(": ")
                .append(e.getValue().asInt()).append(System.lineSeparator()));
        if (job.get("problemCount").asInt() > 0) {
            out.append("  problems (").append(job.get("problemCount").asInt()).append("):").append(System.lineSeparator());
            job.get("problems").forEach(p -> out.append("    ").append(p.get("kind").asString()).append(' ')
                    .append(p.get("wordpressId").asString()).append(": ").append(p.get("reason").asString())
                    .append(System.lineSeparator()));
        }
        if (job.hasNonNull("error")) {
            out.append("  ").append(job.get("error").asString()).append(System.lineSeparator());
        }
        return out.toString();
    }
}
