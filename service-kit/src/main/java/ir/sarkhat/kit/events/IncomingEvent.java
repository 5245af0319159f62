package ir.sarkhat.kit.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A consumed CloudEvent: the envelope from the headers, the data as JSON text. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String data,
        String topic, int partition, long offset) {

    /** Reads the envelope; a record without {@code ce_id} or {@code ce_type} is a poison record. */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new PoisonEventException("Record without ce_id/ce_type on " + record.topic() + "@" + record.offset());
        }
        if (record.value() == null) {
            throw new PoisonEventException("Record " + id + " has no data");
        }
        return new IncomingEvent(id, type, header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT), time(header(record, CloudEventHeaders.TIME)),
                record.value(), record.topic(), record.partition(), record.offset());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
