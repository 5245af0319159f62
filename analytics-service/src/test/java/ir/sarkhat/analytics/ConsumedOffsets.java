package ir.sarkhat.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Waits until the service's consumer group has committed every record of a topic. */
final class ConsumedOffsets {

    static final String GROUP = "analytics-service";

    private ConsumedOffsets() {
    }

    static void await(String bootstrap, String topic, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            org.awaitility.Awaitility.await().atMost(timeout).untilAsserted(() -> {
                int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().size();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < partitions; p++) {
                    latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
                }
                Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> {
                    if (end > 0) {
                        assertThat(committed.get(partition)).as("committed offset of %s", partition).isNotNull();
                        assertThat(committed.get(partition).offset()).as("committed offset of %s", partition)
                                .isEqualTo(end);
                    }
                });
            });
        }
    }
}
