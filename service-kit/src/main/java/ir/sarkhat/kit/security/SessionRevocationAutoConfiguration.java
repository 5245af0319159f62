package ir.sarkhat.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every instance of every service hears about ended staff sessions ({@code staff-sessions}, published by the gateway)
 * and refuses their access tokens: a consumer group of its own per instance, so each one reads all partitions.
 * Off with {@code sarkhat.security.revocations.enabled=false}.
 */
@AutoConfiguration(after = StaffSecurityAutoConfiguration.class,
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnProperty(name = "sarkhat.security.revocations.enabled", matchIfMissing = true)
@ConditionalOnBean({ ConsumerFactory.class, RevokedSessions.class })
public class SessionRevocationAutoConfiguration {

    /** The producer (gateway) declares it too; whoever starts first creates it, with the same partition count. */
    @Bean
    NewTopic staffSessionsTopic(@Value("${sarkhat.security.revocations.topic:staff-sessions}") String topic,
            @Value("${sarkhat.kafka.partitions:3}") int partitions,
            @Value("${sarkhat.kafka.replicas:1}") short replicas) {
        return new NewTopic(topic, partitions, replicas);
    }

    /**
     * @param lookback how far back an instance reads when it gets its partitions: at least the gateway's
     *                 {@code sarkhat.security.access-token-ttl} (15 min), so no still-valid revoked token is missed
     */
    @Bean
    @SuppressWarnings("unchecked")
    ConcurrentMessageListenerContainer<String, String> staffSessionsListener(ConsumerFactory<?, ?> consumers,
            RevokedSessions revoked, JsonMapper json, ObjectProvider<Clock> clock,
            @Value("${sarkhat.security.revocations.topic:staff-sessions}") String topic,
            @Value("${sarkhat.security.revocations.lookback:30m}") Duration lookback,
            @Value("${spring.application.name:service}") String application) {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"); // when nothing is newer than the lookback
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ContainerProperties properties = new ContainerProperties(topic);
        // Random per instance: a broadcast, not a share. Kafka forgets the group's offsets after a week.
        properties.setGroupId(application + "-staff-sessions-" + UUID.randomUUID());
        properties.setMessageListener(new SessionRevocationListener(revoked, json,
                clock.getIfAvailable(Clock::systemUTC), lookback));
        DefaultKafkaConsumerFactory<String, String> factory = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new StringDeserializer());
        if (consumers instanceof DefaultKafkaConsumerFactory<?, ?> boot) {
            boot.getListeners().forEach(listener -> factory.addListener(
                    (ConsumerFactory.Listener<String, String>) listener)); // Kafka client metrics (lag) as for the others
        }
        ConcurrentMessageListenerContainer<String, String> container = new ConcurrentMessageListenerContainer<>(
                factory, properties);
        container.setCommonErrorHandler(new CommonLoggingErrorHandler());
        return container;
    }
}
