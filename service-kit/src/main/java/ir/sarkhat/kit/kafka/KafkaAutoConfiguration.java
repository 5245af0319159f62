package ir.sarkhat.kit.kafka;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ir.sarkhat.kit.events.PoisonEventException;
import tools.jackson.core.JacksonException;

/**
 * Producer: {@code acks=all} and idempotence, and a short {@code max.block.ms} so a missing broker
 * fails a send quickly instead of holding a thread for a minute (the outbox retries).
 * Consumer: a new consumer group starts from the earliest offset, so a service that starts after
 * an event was published still sees it.
 * Errors: retried with back-off, then sent to {@code <topic>-dlt} on the same partition; records
 * that can never be processed go there at once. Spring Kafka's default would retry ten times with
 * no delay and drop the record.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class KafkaAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer sarkhatProducerDefaults() {
        return factory -> factory.updateConfigs(withDefaults(factory.getConfigurationProperties(), Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000,
                ProducerConfig.LINGER_MS_CONFIG, 5)));
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer sarkhatConsumerDefaults() {
        return factory -> factory.updateConfigs(withDefaults(factory.getConfigurationProperties(), Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)));
    }

    private static Map<String, Object> withDefaults(Map<String, Object> configured, Map<String, Object> defaults) {
        Map<String, Object> missing = new java.util.HashMap<>();
        defaults.forEach((key, value) -> {
            if (!configured.containsKey(key)) {
                missing.put(key, value);
            }
        });
        return missing;
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler sarkhatErrorHandler(KafkaTemplate<?, ?> template,
            @Value("${sarkhat.kafka.retry.max-attempts:4}") int maxRetries,
            @Value("${sarkhat.kafka.retry.initial-interval-ms:500}") long initialInterval,
            @Value("${sarkhat.kafka.retry.max-interval-ms:5000}") long maxInterval,
            ObjectProvider<MeterRegistry> meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(record.topic() + "-dlt", record.partition()));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(maxRetries);
        backOff.setInitialInterval(initialInterval);
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(maxInterval);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class, JacksonException.class);
        meters.ifAvailable(registry -> handler.setRetryListeners(deadLetterCounter(registry)));
        return handler;
    }

    /** {@code sarkhat.events.dead.lettered{topic}}: records given up on and sent to {@code <topic>-dlt}. */
    private static RetryListener deadLetterCounter(MeterRegistry registry) {
        return new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
                // each failed attempt is logged by the error handler; only the final outcome is counted
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
                Counter.builder("sarkhat.events.dead.lettered")
                        .description("Records that failed every retry (or could never be read) and went to <topic>-dlt")
                        .tag("topic", record.topic())
                        .register(registry)
                        .increment();
            }
        };
    }

    /**
     * Declares the topics this service produces and consumes, and a dead-letter topic with the same
     * partition count for each consumed one (the recoverer keeps the partition number).
     */
    @Bean
    KafkaAdmin.NewTopics sarkhatTopics(
            @Value("${sarkhat.kafka.produces:}") List<String> produces,
            @Value("${sarkhat.kafka.consumes:}") List<String> consumes,
            @Value("${sarkhat.kafka.partitions:3}") int partitions,
            @Value("${sarkhat.kafka.replicas:1}") short replicas) {
        Set<String> names = new LinkedHashSet<>();
        produces.stream().filter(s -> !s.isBlank()).forEach(names::add);
        consumes.stream().filter(s -> !s.isBlank()).forEach(topic -> {
            names.add(topic);
            names.add(topic + "-dlt");
        });
        return new KafkaAdmin.NewTopics(names.stream()
                .map(name -> new NewTopic(name, partitions, replicas))
                .toArray(NewTopic[]::new));
    }
}
