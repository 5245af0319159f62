package ir.sarkhat.analytics;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.TestTokens;

/** The scenario on an in-process (KRaft) broker and the in-memory MongoDB-protocol server. */
@EmbeddedKafka(partitions = 3) // spring-kafka 4 has only KRaft brokers: the kraft attribute is gone
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class AnalyticsEmbeddedIT extends AnalyticsScenario {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-analytics"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }
}
