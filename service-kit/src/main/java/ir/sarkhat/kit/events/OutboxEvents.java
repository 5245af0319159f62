package ir.sarkhat.kit.events;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

/** Builds outbox entries from event data records, serialized with the application's JSON mapper. */
public class OutboxEvents {

    private final JsonMapper json;
    private final Clock clock;
    private final Supplier<String> traceparent;

    public OutboxEvents(JsonMapper json, Clock clock) {
        this(json, clock, () -> null);
    }

    /** @param traceparent the current W3C trace context (or null), stored with each event it creates */
    public OutboxEvents(JsonMapper json, Clock clock, Supplier<String> traceparent) {
        this.json = json;
        this.clock = clock;
        this.traceparent = traceparent;
    }

    public OutboxEvent create(String topic, String type, String key, Object data) {
        return new OutboxEvent(UUID.randomUUID().toString(), topic, key, type, clock.instant(),
                json.writeValueAsString(data), traceparent.get());
    }
}
