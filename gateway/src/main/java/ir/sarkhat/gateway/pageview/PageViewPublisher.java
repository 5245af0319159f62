package ir.sarkhat.gateway.pageview;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Sends page views to Kafka without ever blocking a Netty event loop: {@code KafkaTemplate.send} can block for
 * {@code max.block.ms} while the broker is unreachable, so sends run on one dedicated thread behind a bounded queue.
 * Whatever Kafka does not take (send error, delivery timeout, full queue) is saved in MongoDB for the relay.
 */
@Component
class PageViewPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PageViewPublisher.class);

    private final KafkaTemplate<String, String> kafka;
    private final UnsentPageViews unsent;
    private final String topic;
    private final ThreadPoolExecutor sender;

    PageViewPublisher(KafkaTemplate<String, String> kafka, UnsentPageViews unsent, PageViewProperties properties) {
        this.kafka = kafka;
        this.unsent = unsent;
        this.topic = properties.topic();
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                runnable -> {
                    Thread thread = new Thread(runnable, "page-view-sender");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Returns at once; safe to call on an event loop. */
    void publish(PageViewed event) {
        PageViewMessage message = PageViewMessage.of(event);
        try {
            sender.execute(() -> send(message));
        } catch (RejectedExecutionException full) {
            saveUnsent(message, "the send queue is full");
        }
    }

    private void send(PageViewMessage message) {
        CompletableFuture<SendResult<String, String>> sent;
        try {
            sent = kafka.send(message.toProducerRecord(topic));
        } catch (RuntimeException e) {
            saveUnsent(message, e.toString());
            return;
        }
        sent.whenComplete((result, error) -> {
            if (error != null) {
                saveUnsent(message, error.toString());
            }
        });
    }

    private void saveUnsent(PageViewMessage message, String reason) {
        log.warn("Page view {} not sent to Kafka ({}); saved for the relay", message.id(), reason);
        unsent.save(message).subscribe(null, e -> log.error(
                "Page view {} of article {} lost: Kafka and MongoDB both failed ({})",
                message.id(), message.articleId(), e.toString()));
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}
