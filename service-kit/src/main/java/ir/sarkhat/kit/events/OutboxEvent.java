package ir.sarkhat.kit.events;

import java.time.Instant;

/**
 * An event waiting in its aggregate document's {@code outbox} array until the relay has handed it to
 * Kafka. It is written in the same single-document write as the change that caused it.
 *
 * @param eventId becomes {@code ce_id}: the consumers' dedupe key
 * @param topic   the Kafka topic
 * @param key     the record key and {@code ce_subject} (the article id)
 * @param type    {@code ce_type}, e.g. {@code sarkhat.article.published.v1}
 * @param time    {@code ce_time}
 * @param data    the event data as JSON text, exactly as the contract's schema describes it
 * @param traceparent the W3C trace context of the request that caused the event (may be null): the
 *                relay sends the record in that trace, so one trace runs from request to consumer
 */
public record OutboxEvent(String eventId, String topic, String key, String type, Instant time, String data,
        String traceparent) {

    /** An event outside any trace. */
    public OutboxEvent(String eventId, String topic, String key, String type, Instant time, String data) {
        this(eventId, topic, key, type, time, data, null);
    }
}
