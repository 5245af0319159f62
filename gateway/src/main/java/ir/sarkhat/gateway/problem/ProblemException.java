package ir.sarkhat.gateway.problem;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on; rendered as {@code application/problem+json} with this status and detail.
 * No stack trace is captured: these are expected outcomes, not bugs.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final boolean bearerChallenge;
    private final long retryAfterSeconds;

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, false, -1);
    }

    private ProblemException(HttpStatus status, String detail, boolean bearerChallenge, long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.bearerChallenge = bearerChallenge;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    /** Whether the response carries {@code WWW-Authenticate: Bearer} (RFC 6750), for endpoints that take tokens. */
    boolean bearerChallenge() {
        return bearerChallenge;
    }

    /** Seconds for a {@code Retry-After} header, or -1 for none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String detail() {
        return getMessage();
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, detail);
    }

    /** 401 for a missing or invalid bearer token. */
    public static ProblemException invalidToken(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, detail, true, -1);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail);
    }

    /** 429 with {@code Retry-After}: rate limits and login throttling. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, detail, false, Math.max(1, retryAfterSeconds));
    }

    /** 503 with {@code Retry-After}: a backend's circuit is open. */
    public static ProblemException unavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, detail, false, Math.max(1, retryAfterSeconds));
    }
}
