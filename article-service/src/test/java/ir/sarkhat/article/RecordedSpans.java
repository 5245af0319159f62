package ir.sarkhat.article;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** Keeps the spans the services export, as a trace backend (Jaeger, Tempo) would receive them. */
final class RecordedSpans implements SpanExporter {

    private final List<SpanData> spans = new ArrayList<>();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> batch) {
        spans.addAll(batch);
        return CompletableResultCode.ofSuccess();
    }

    synchronized List<SpanData> all() {
        return List.copyOf(spans);
    }

    synchronized List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
