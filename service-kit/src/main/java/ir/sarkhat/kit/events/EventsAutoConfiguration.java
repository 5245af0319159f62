package ir.sarkhat.kit.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import ir.sarkhat.kit.observability.TraceParents;
import tools.jackson.databind.json.JsonMapper;

/** Outbox beans; the relay runs when {@code sarkhat.outbox.collections} names at least one collection. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxEvents outboxEvents(JsonMapper json, Clock clock, ObjectProvider<TraceParents> traces) {
        return new OutboxEvents(json, clock, () -> {
            TraceParents current = traces.getIfAvailable();
            return current == null ? null : current.current();
        });
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("sarkhat.outbox.collections")
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka,
            @Value("${sarkhat.outbox.collections}") List<String> collections,
            @Value("${sarkhat.events.source:/sarkhat/${spring.application.name}}") String source,
            @Value("${sarkhat.outbox.poll-interval:500ms}") Duration pollInterval,
            @Value("${sarkhat.outbox.send-timeout:10s}") Duration sendTimeout,
            @Value("${sarkhat.outbox.lease:10s}") Duration lease,
            ObjectProvider<TraceParents> traces) {
        OutboxRelay relay = new OutboxRelay(mongo, kafka, collections, source, pollInterval, sendTimeout, lease);
        traces.ifAvailable(relay::continueTraces);
        return relay;
    }
}
