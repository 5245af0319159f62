package ir.sarkhat.gateway.pageview;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import ir.sarkhat.gateway.GatewayIntegrationTest;
import ir.sarkhat.gateway.support.FreePorts;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A broker outage delays page views and loses none: saved in MongoDB, relayed once Kafka is back. */
class UnsentPageViewsIT extends GatewayIntegrationTest {

    @Autowired
    UnsentPageViews unsent;
    @Autowired
    KafkaTemplate<String, String> liveKafka;
    @Autowired
    PageViewProperties properties;
    @Autowired
    EmbeddedKafkaBroker broker;

    @Test
    void pageViewsKafkaRefusesAreSavedAndRelayedLater() throws Exception {
        DefaultKafkaProducerFactory<String, String> deadFactory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + FreePorts.closed(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000));
        PageViewPublisher publisher = new PageViewPublisher(new KafkaTemplate<>(deadFactory), unsent, properties);
        String id = UUID.randomUUID().toString();
        try {
            long waitingBefore = unsent.count().block();
            publisher.publish(new PageViewed(id, "outage-article", "2026-01-02T03:04:05.678Z", "/articles/outage",
                    null, "0123456789abcdef0123456789abcdef", "server", null, null, null, null));

            await().atMost(Duration.ofSeconds(20)).until(() -> unsent.count().block() == waitingBefore + 1);
            assertThat(unsent.oldest(1000).map(PageViewMessage::id).collectList().block()).contains(id);
        } finally {
            publisher.destroy();
            deadFactory.destroy();
        }

        int relayed = new UnsentPageViewRelay(liveKafka, unsent, properties).relayOnce();

        assertThat(relayed).isGreaterThanOrEqualTo(1);
        assertThat(unsent.oldest(1000).map(PageViewMessage::id).collectList().block()).doesNotContain(id);
        ConsumerRecord<String, String> record = awaitRecord("outage-article");
        assertThat(header(record, "ce_id")).isEqualTo(id);
        assertThat(header(record, "ce_time")).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(header(record, "ce_type")).isEqualTo("sarkhat.page.viewed.v1");
        assertThat(record.value()).contains("\"pageviewId\":\"" + id + "\"");
    }

    @Test
    void aRelayWithKafkaStillDownKeepsEverything() {
        String id = UUID.randomUUID().toString();
        unsent.save(PageViewMessage.of(new PageViewed(id, "still-down", "2026-01-02T03:04:05Z", "/articles/d",
                null, "0123456789abcdef0123456789abcdef", "server", null, null, null, null))).block();
        DefaultKafkaProducerFactory<String, String> deadFactory = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + FreePorts.closed(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300));
        try {
            new UnsentPageViewRelay(new KafkaTemplate<>(deadFactory), unsent, properties).relayOnce();
        } finally {
            deadFactory.destroy();
        }
        assertThat(unsent.oldest(1000).map(PageViewMessage::id).collectList().block()).contains(id);

        new UnsentPageViewRelay(liveKafka, unsent, properties).relayOnce();
        assertThat(unsent.oldest(1000).map(PageViewMessage::id).collectList().block()).doesNotContain(id);
    }

    private ConsumerRecord<String, String> awaitRecord(String key) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "relay-it-" + UUID.randomUUID(), false);
        try (Consumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            broker.consumeFromAnEmbeddedTopic(consumer, properties.topic());
            java.util.List<ConsumerRecord<String, String>> seen = new java.util.ArrayList<>();
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().filter(r -> key.equals(r.key())).findFirst().orElse(null);
            }, found -> found != null);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
