package ir.sarkhat.kit.events;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** Builds outbox entries from event data records, serialized with the application's JSON mapper. */
public class OutboxEvents {

    private final JsonMapper json;
    private final Clock clock;

    public OutboxEvents(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public OutboxEvent create(String topic, String type, String key, Object data) {
        return new OutboxEvent(UUID.randomUUID().toString(), topic, key, type, clock.instant(),
                json.writeValueAsString(data));
    }
}
