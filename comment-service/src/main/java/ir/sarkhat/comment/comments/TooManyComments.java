package ir.sarkhat.comment.comments;

import org.springframework.http.HttpStatus;

import ir.sarkhat.kit.problem.ApiProblem;

/** 429: the same IP or email commented moments ago; answered with {@code Retry-After}. */
public class TooManyComments extends ApiProblem {

    private final long retryAfterSeconds;

    TooManyComments(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many comments",
                "You are posting comments too quickly. Wait " + retryAfterSeconds + " seconds and try again.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
