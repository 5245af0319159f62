package ir.sarkhat.comment;

import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ir.sarkhat.kit.test.EmbeddedMongo;

/** The scenarios on an in-process Kafka broker (KRaft) and the in-memory MongoDB-protocol server. */
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class CommentServiceIT extends CommentServiceScenarios {

    @DynamicPropertySource
    static void embeddedMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-comments"));
    }
}
