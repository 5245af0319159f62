package ir.sarkhat.analytics;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import ir.sarkhat.kit.test.TestTokens;

/** The same scenario on real Kafka and MongoDB; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class AnalyticsContainersIT extends AnalyticsScenario {

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }
}
