package ir.sarkhat.analytics.realtime;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the current readers to every open dashboard as server-sent events ({@code event: readers}), once every
 * {@code sarkhat.analytics.realtime-push} (5 s by default): one count for all listeners, whatever their number.
 */
@Component
public class ReaderStream {

    private static final Logger log = LoggerFactory.getLogger(ReaderStream.class);
    private static final long TIMEOUT_MS = 30 * 60 * 1000L; // the browser's EventSource reconnects after

    private final RealtimeReaders readers;
    private final List<SseEmitter> listeners = new CopyOnWriteArrayList<>();

    ReaderStream(RealtimeReaders readers) {
        this.readers = readers;
    }

    public SseEmitter open() {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        listeners.add(emitter);
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(e -> listeners.remove(emitter));
        send(emitter, readers.now()); // the first numbers at once, not after the first tick
        return emitter;
    }

    @Scheduled(fixedRateString = "${sarkhat.analytics.realtime-push:5s}")
    void push() {
        if (listeners.isEmpty()) {
            return;
        }
        Readers now;
        try {
            now = readers.now();
        } catch (RuntimeException e) {
            log.warn("Could not count current readers: {}", e.toString());
            return;
        }
        listeners.forEach(emitter -> send(emitter, now));
    }

    private void send(SseEmitter emitter, Readers now) {
        try {
            emitter.send(SseEmitter.event().name("readers").data(now));
        } catch (IOException | IllegalStateException gone) {
            listeners.remove(emitter);
        }
    }
}
