package ir.sarkhat.gateway.pageview;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PageViewed ready for Kafka: the CloudEvents id, subject and time, and the data as JSON text. This is also what
 * is saved while Kafka is unreachable, so a re-send is byte-for-byte the same event with the same {@code ce_id}.
 */
record PageViewMessage(String id, String articleId, String time, String json) {

    static final String SPEC_VERSION = "1.0";
    static final String SOURCE = "/sarkhat/gateway";
    static final String TYPE = "sarkhat.page.viewed.v1";

    // Own mapper: the contract must not change with the web layer's Jackson settings.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static PageViewMessage of(PageViewed event) {
        return new PageViewMessage(event.pageviewId(), event.articleId(), event.viewedAt(),
                JSON.writeValueAsString(event));
    }

    /** CloudEvents 1.0 Kafka binary binding: attributes in {@code ce_*} headers, key = article id. */
    ProducerRecord<String, String> toProducerRecord(String topic) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", utf8(SPEC_VERSION));
        headers.add("ce_id", utf8(id));
        headers.add("ce_source", utf8(SOURCE));
        headers.add("ce_type", utf8(TYPE));
        headers.add("ce_time", utf8(time));
        headers.add("ce_subject", utf8(articleId));
        headers.add("content-type", utf8("application/json"));
        return new ProducerRecord<>(topic, null, articleId, json, headers);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
