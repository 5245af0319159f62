package ir.sarkhat.kit.observability;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C {@code traceparent} of the current span, and a way to continue it later on another thread.
 * <p>
 * The outbox relay sends an event long after the request that caused it has finished: the request's
 * {@code traceparent} is stored with the event, and the relay sends it inside a span that continues
 * that trace, so the Kafka record (and its consumer) belong to the request's trace.
 */
public class TraceParents {

    public static final String HEADER = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's {@code traceparent}, or {@code null} outside a trace. */
    public String current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** Runs {@code work} in a new span, child of {@code traceparent} (or a new trace when it is missing). */
    public void continueTrace(String traceparent, String spanName, Runnable work) {
        if (traceparent == null || traceparent.isBlank()) {
            work.run();
            return;
        }
        Span span = propagator.extract(Map.of(HEADER, traceparent), Map::get).name(spanName).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
