package ir.sarkhat.kit.observability;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code sarkhat.events.consumed{topic}}: records a listener of this service handled without an error,
 * counted after the listener returned, for record and batch listeners alike (Spring Kafka's own listener
 * observation covers record listeners only). On analytics-service, {@code topic="page-views"} is the
 * ingest rate.
 */
class ConsumedEvents {

    private final MeterRegistry registry;

    ConsumedEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String topic, int records) {
        Counter.builder("sarkhat.events.consumed")
                .description("Kafka records handled without error by this service's listeners")
                .tag("topic", topic)
                .register(registry)
                .increment(records);
    }

    RecordInterceptor<Object, Object> recordInterceptor() {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                    Consumer<Object, Object> consumer) {
                return record;
            }

            @Override
            public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                count(record.topic(), 1);
            }
        };
    }

    BatchInterceptor<Object, Object> batchInterceptor() {
        return new BatchInterceptor<>() {
            @Override
            public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                    Consumer<Object, Object> consumer) {
                return records;
            }

            @Override
            public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
                records.partitions().forEach(partition -> count(partition.topic(), records.records(partition).size()));
            }
        };
    }
}
