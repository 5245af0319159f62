package ir.sarkhat.article.articles;

import org.springframework.http.HttpStatus;

import ir.sarkhat.kit.problem.ApiProblem;

/** The answers of optimistic concurrency: the editor's copy is stale (412) or no copy was named (428). */
final class Preconditions {

    private Preconditions() {
    }

    /** {@code expected} null: the caller did not ask for a check. */
    static void check(Article article, Long expected) {
        if (expected != null && expected != article.version()) {
            throw stale(article.version());
        }
    }

    static ApiProblem stale(Long current) {
        String now = current == null ? "" : " (its ETag is now \"" + current + "\")";
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "Article changed meanwhile",
                "Someone saved this article after you loaded it" + now
                        + ". Nothing was changed: reload it, apply your change again and send the new ETag in If-Match.");
    }
}
