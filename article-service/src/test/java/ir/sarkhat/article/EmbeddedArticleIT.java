package ir.sarkhat.article;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ir.sarkhat.kit.test.EmbeddedMongo;

/** The scenario on an in-process KRaft broker (spring-kafka-test 4 has no ZooKeeper mode) and mongo-java-server. */
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class EmbeddedArticleIT extends ArticleScenario {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-articles"));
    }

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Override
    String bootstrapServers() {
        return kafka.getBrokersAsString();
    }
}
