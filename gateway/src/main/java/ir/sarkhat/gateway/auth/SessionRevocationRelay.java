package ir.sarkhat.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends pending revocations ({@code pending: true}, a sparse index) to {@code staff-sessions} as CloudEvents, keyed by
 * username, and unsets {@code pending} once the broker acknowledged. While Kafka is down they wait and go out when it
 * is back; a crash between acknowledgement and update, or two gateway instances relaying at once, sends one twice
 * with the same {@code ce_id}, which the services apply idempotently.
 */
@Configuration(proxyBeanMethods = false)
class SessionRevocationRelay implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocationRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH = 100;
    static final String SOURCE = "/sarkhat/gateway";

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final AtomicInteger pending = new AtomicInteger();

    SessionRevocationRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka,
            @Value("${sarkhat.security.revocations.topic:staff-sessions}") String topic) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.topic = topic;
    }

    /** The producer owns its topic; the services declare it too, with the same partition count. */
    @Bean
    NewTopic staffSessionsTopic(@Value("${sarkhat.security.revocations.partitions:3}") int partitions) {
        return TopicBuilder.name(topic).partitions(partitions).build();
    }

    /** Above zero for long: Kafka is unreachable and the services still accept the ended sessions' tokens. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("sarkhat.gateway.session.revocations.pending", pending, AtomicInteger::get)
                .description("Ended sessions not yet acknowledged by Kafka (counted up to " + BATCH + ")")
                .register(registry);
    }

    // On the scheduler thread, never an event loop: waiting for the acknowledgement here is fine.
    @Scheduled(fixedDelayString = "${sarkhat.security.revocations.relay-interval:500ms}")
    void relayScheduled() {
        try {
            relayOnce();
        } catch (RuntimeException e) {
            log.warn("Session revocations wait for Kafka; will retry: {}", e.toString());
        }
    }

    /** Sends one batch; returns how many the broker acknowledged. Stops at the first failure (Kafka is away). */
    int relayOnce() {
        Query unsent = Query.query(Criteria.where("pending").is(true)).limit(BATCH);
        List<Document> batch = mongo.find(unsent, Document.class, SessionRevocations.COLLECTION).collectList()
                .block(Duration.ofSeconds(30));
        int sent = 0;
        List<Document> docs = batch == null ? List.of() : batch;
        pending.set(docs.size());
        for (Document doc : docs) {
            try {
                kafka.send(record(doc)).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge revocation " + doc.get("_id"), e);
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.get("_id"))), new Update().unset("pending"),
                    SessionRevocations.COLLECTION).block(Duration.ofSeconds(30));
            sent++;
            pending.decrementAndGet();
        }
        return sent;
    }

    /** CloudEvents 1.0 Kafka binary binding: attributes in {@code ce_*} headers, key = username. */
    private ProducerRecord<String, String> record(Document doc) {
        String username = doc.getString("username");
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, username, doc.getString("data"));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", doc.getString("_id"));
        header(record, "ce_source", SOURCE);
        header(record, "ce_type", SessionRevocations.TYPE);
        header(record, "ce_time", doc.getString("time"));
        header(record, "ce_subject", username);
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
