package ir.sarkhat.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every error the gateway produces into {@code application/problem+json}: its own endpoints' failures, "no route"
 * 404s and backends that are down or slow. One handler instead of a controller advice because most of these errors
 * come from the routing filters, outside any controller. Being an {@link ErrorWebExceptionHandler} makes Boot's
 * default (non-RFC 9457) handler back off; order -2 puts it before Spring's status-only handler.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);
    private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    // Own mapper: the error body's shape must not shift with the application's Jackson settings.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex); // half a response went out already; Netty closes the connection
        }
        String path = exchange.getRequest().getPath().value();
        Resolved resolved = resolve(ex, exchange);
        log(resolved, ex, exchange);

        Problem problem = Problem.of(resolved.status.value(), resolved.status.getReasonPhrase(), resolved.detail, path);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatusCode(resolved.status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(PROBLEM_JSON);
        headers.setContentLength(body.length);
        headers.setCacheControl("no-store");
        if (ex instanceof ResponseStatusException rse) {
            headers.addAll(rse.getHeaders()); // e.g. Allow on a 405, Accept on a 415
        }
        if (ex instanceof ProblemException p && p.bearerChallenge()) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (ex instanceof ProblemException p && p.retryAfterSeconds() > 0) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(p.retryAfterSeconds()));
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    private record Resolved(HttpStatus status, String detail) {
    }

    private static Resolved resolve(Throwable ex, ServerWebExchange exchange) {
        if (ex instanceof ProblemException p) {
            return new Resolved(p.status(), p.detail());
        }
        if (ex instanceof ContentTooLargeException) {
            return new Resolved(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
        }
        if (ex instanceof ServerWebInputException input) {
            return new Resolved(HttpStatus.BAD_REQUEST, inputDetail(input));
        }
        if (ex instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            if (status == null) {
                status = HttpStatus.INTERNAL_SERVER_ERROR;
            }
            return new Resolved(status, statusDetail(status, exchange));
        }
        if (causedBy(ex, ConnectException.class) || causedBy(ex, UnknownHostException.class)) {
            return new Resolved(HttpStatus.SERVICE_UNAVAILABLE, statusDetail(HttpStatus.SERVICE_UNAVAILABLE, exchange));
        }
        if (causedBy(ex, TimeoutException.class) || causedBy(ex, io.netty.handler.timeout.TimeoutException.class)) {
            return new Resolved(HttpStatus.GATEWAY_TIMEOUT, statusDetail(HttpStatus.GATEWAY_TIMEOUT, exchange));
        }
        if (causedBy(ex, PrematureCloseException.class)) {
            return new Resolved(HttpStatus.BAD_GATEWAY, statusDetail(HttpStatus.BAD_GATEWAY, exchange));
        }
        return new Resolved(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred. It has been logged.");
    }

    private static String inputDetail(ServerWebInputException input) {
        JacksonException json = cause(input, JacksonException.class);
        if (json != null) {
            String field = fieldPath(json);
            return field.isEmpty()
                    ? "The request body is not valid JSON."
                    : "The request body has a wrong value or type at '" + field + "'.";
        }
        if (input.getReason() != null && input.getReason().contains("No request body")) {
            return "A JSON request body is required.";
        }
        return "The request could not be read: " + input.getReason();
    }

    /** {@code roles[1]} or {@code username}: the JSON path only, never Jackson's Java class names. */
    private static String fieldPath(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String statusDetail(HttpStatus status, ServerWebExchange exchange) {
        return switch (status) {
            case NOT_FOUND -> "Nothing is served at this path.";
            case METHOD_NOT_ALLOWED -> "The method " + exchange.getRequest().getMethod() + " is not allowed here.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json.";
            case NOT_ACCEPTABLE -> "This resource cannot be represented in the requested media type.";
            case SERVICE_UNAVAILABLE -> "The service behind this path is unavailable right now. Try again shortly.";
            case GATEWAY_TIMEOUT -> "The service behind this path did not answer in time.";
            case BAD_GATEWAY -> "The service behind this path closed the connection without an answer.";
            default -> status.getReasonPhrase() + ".";
        };
    }

    private static void log(Resolved resolved, Throwable ex, ServerWebExchange exchange) {
        String what = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
        if (resolved.status == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.error("Unexpected error on {}", what, ex);
        } else if (resolved.status.is5xxServerError()) {
            log.warn("{} on {}: {}", resolved.status.value(), what, ex.toString());
        } else {
            log.debug("{} on {}: {}", resolved.status.value(), what, ex.toString());
        }
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        return cause(ex, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

