package ir.sarkhat.gateway.pageview;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-sends the page views saved while Kafka was unreachable and deletes each one once the broker has acknowledged it.
 * A broker outage delays views but loses none. A crash between acknowledgement and delete sends one again; so can two
 * gateway instances relaying at once: consumers dedupe by {@code ce_id}.
 */
@Component
class UnsentPageViewRelay {

    private static final Logger log = LoggerFactory.getLogger(UnsentPageViewRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaTemplate<String, String> kafka;
    private final UnsentPageViews unsent;
    private final PageViewProperties properties;

    UnsentPageViewRelay(KafkaTemplate<String, String> kafka, UnsentPageViews unsent, PageViewProperties properties) {
        this.kafka = kafka;
        this.unsent = unsent;
        this.properties = properties;
    }

    // Runs on the scheduler thread, never an event loop, so waiting for acknowledgements here is fine.
    @Scheduled(fixedDelayString = "${sarkhat.gateway.page-views.relay-interval:5s}",
            initialDelayString = "${sarkhat.gateway.page-views.relay-interval:5s}")
    void relayScheduled() {
        try {
            relayOnce();
        } catch (RuntimeException e) {
            log.warn("Relaying saved page views failed; will retry: {}", e.toString());
        }
    }

    /** Sends one batch; returns how many were acknowledged and deleted. */
    int relayOnce() {
        List<PageViewMessage> batch = unsent.oldest(properties.relayBatchSize()).collectList()
                .block(Duration.ofSeconds(30));
        if (batch == null || batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        try {
            for (PageViewMessage message : batch) {
                sends.add(kafka.send(message.toProducerRecord(properties.topic())));
            }
        } catch (RuntimeException e) {
            // the broker is still unreachable (max.block.ms ran out): what was handed over is still awaited below
            log.info("Kafka still unreachable; {} saved page view(s) wait: {}", batch.size() - sends.size(), e.toString());
        }
        int relayed = 0;
        for (int i = 0; i < sends.size(); i++) {
            if (acknowledged(sends.get(i))) {
                unsent.delete(batch.get(i).id()).block(Duration.ofSeconds(30));
                relayed++;
            }
        }
        if (relayed > 0) {
            log.info("Relayed {} page view(s) saved while Kafka was unreachable", relayed);
        }
        return relayed;
    }

    private static boolean acknowledged(CompletableFuture<?> send) {
        try {
            send.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
