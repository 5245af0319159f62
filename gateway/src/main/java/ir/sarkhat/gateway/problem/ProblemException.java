package ir.sarkhat.gateway.problem;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on; rendered as {@code application/problem+json} with this status and detail.
 * No stack trace is captured: these are expected outcomes, not bugs.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final boolean bearerChallenge;

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, false);
    }

    private ProblemException(HttpStatus status, String detail, boolean bearerChallenge) {
        super(detail, null, false, false);
        this.status = status;
        this.bearerChallenge = bearerChallenge;
    }

    public HttpStatus status() {
        return status;
    }

    /** Whether the response carries {@code WWW-Authenticate: Bearer} (RFC 6750), for endpoints that take tokens. */
    boolean bearerChallenge() {
        return bearerChallenge;
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
        return new ProblemException(HttpStatus.UNAUTHORIZED, detail, true);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail);
    }
}
