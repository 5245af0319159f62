package ir.sarkhat.analytics.beacon;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hands beacon events to a producer of their own and does not wait for the broker: a beacon is acknowledged (202) as
 * soon as its record is in the producer's buffer, which the producer then delivers (idempotent, acks=all), retrying
 * for up to {@code delivery.timeout.ms} (2 min). What it cannot take at once — buffer full, or no metadata because the
 * broker is away — fails within {@code max.block.ms} (0.5 s) and the beacon is refused with 503, so a broker outage
 * slows nobody down and nothing refused looks accepted. A record accepted and then not delivered in time is counted
 * ({@code sarkhat.beacon.delivery.failed}) and logged: that is the only way an acknowledged beacon can be lost.
 * <p>
 * Its own producer, not the service's KafkaTemplate: the outbox relay needs the shared producer's long
 * {@code max.block.ms}, and a flood of beacons must not fill the buffer the relay's stats events go through.
 */
@Component
class BeaconPublisher implements DisposableBean {

    static final Duration MAX_BLOCK = Duration.ofMillis(500);
    static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(BeaconPublisher.class);
    private static final long LOG_EVERY_MS = 10_000;

    private final ProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;
    private final Counter failed;
    private final Counter refused;
    private final AtomicLong lastFailureLog = new AtomicLong();

    BeaconPublisher(ProducerFactory<String, String> shared, MeterRegistry meters) {
        // The shared factory's settings (bootstrap servers, serializers, acks=all, idempotence), with short blocking
        // and a delivery timeout long enough to ride out a broker restart.
        this.producers = shared.copyWithConfigurationOverride(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.CLIENT_ID_CONFIG, "analytics-beacons"));
        this.kafka = new KafkaTemplate<>(producers);
        this.failed = Counter.builder("sarkhat.beacon.delivery.failed")
                .description("Beacon events acknowledged with 202 that the producer could not deliver in time")
                .register(meters);
        this.refused = Counter.builder("sarkhat.beacon.refused")
                .description("Beacons answered 503 because the producer could not take them at once")
                .register(meters);
    }

    /** The first send of a topic waits for its metadata: fetch it at start, not within a reader's beacon. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread warmUp = new Thread(() -> {
            try {
                kafka.partitionsFor(BeaconIngest.TOPIC);
            } catch (RuntimeException e) {
                log.info("Beacon producer could not read the metadata of {} yet: {}", BeaconIngest.TOPIC, e.toString());
            }
        }, "beacon-producer-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * @throws ProducerBusyException when the producer cannot take the record within {@link #MAX_BLOCK}
     */
    void publish(ProducerRecord<String, String> record) {
        CompletableFuture<SendResult<String, String>> sent;
        try {
            sent = kafka.send(record);
        } catch (RuntimeException e) {
            throw busy(record, e);
        }
        if (sent.isCompletedExceptionally()) { // Kafka reports a max.block.ms timeout through the future, at once
            throw busy(record, sent.handle((result, error) -> error).join());
        }
        sent.whenComplete((result, error) -> {
            if (error != null) {
                failed.increment();
                logFailure("Beacon event {} for article {} was accepted but not delivered: {}",
                        record, error);
            }
        });
    }

    private ProducerBusyException busy(ProducerRecord<String, String> record, Throwable cause) {
        refused.increment();
        logFailure("Beacon event {} for article {} refused, the producer cannot take it now: {}", record, cause);
        return new ProducerBusyException(cause);
    }

    /** At most one line per 10 s: an outage must not turn every beacon into a log line. */
    private void logFailure(String message, ProducerRecord<String, String> record, Throwable error) {
        long now = System.currentTimeMillis();
        long last = lastFailureLog.get();
        if (now - last >= LOG_EVERY_MS && lastFailureLog.compareAndSet(last, now)) {
            String type = record.headers().lastHeader("ce_type") == null ? "?"
                    : new String(record.headers().lastHeader("ce_type").value(), java.nio.charset.StandardCharsets.UTF_8);
            log.warn(message + " (failed deliveries so far: " + (long) failed.count() + ", refused: "
                    + (long) refused.count() + ")", type, record.key(), error.toString());
        }
    }

    @Override
    public void destroy() throws Exception {
        if (producers instanceof DisposableBean factory) {
            factory.destroy(); // closes the producer, which first sends what is still buffered
        }
    }

    /** The producer's buffer is full or the broker unknown: the client should try again later. */
    static class ProducerBusyException extends RuntimeException {
        ProducerBusyException(Throwable cause) {
            super("The beacon producer cannot take more events now", cause);
        }
    }
}
