package ir.sarkhat.analytics.messaging;

import ir.sarkhat.kit.events.IncomingEvent;
import ir.sarkhat.kit.events.PoisonEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads event data into a consumer's record; data that can never be processed is a poison event. */
final class EventData {

    private EventData() {
    }

    static <T> T read(JsonMapper json, IncomingEvent event, Class<T> type) {
        T data;
        try {
            data = json.readValue(event.data(), type);
        } catch (JacksonException e) {
            throw new PoisonEventException(
                    "Event " + event.id() + " (" + event.type() + ") has data that is not a valid " + type.getSimpleName(), e);
        }
        if (data == null) {
            throw new PoisonEventException("Event " + event.id() + " (" + event.type() + ") has null data");
        }
        return data;
    }

    static <T> T required(T value, String field, IncomingEvent event) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new PoisonEventException("Event " + event.id() + " (" + event.type() + ") lacks " + field);
        }
        return value;
    }
}
