package ir.sarkhat.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The Kafka health check answers UP with a broker and DOWN, within its timeout, without one. */
class KafkaHealthIndicatorTest {

    private static EmbeddedKafkaKraftBroker kafka;

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        kafka.destroy();
    }

    @Test
    void upWithTheClusterIdWhenABrokerAnswers() {
        KafkaHealthIndicator indicator = indicator(kafka.getBrokersAsString());
        try {
            Health health = indicator.health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void downQuicklyWhenNoBrokerAnswers() {
        KafkaHealthIndicator indicator = indicator("127.0.0.1:1");
        try {
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
        } finally {
            indicator.destroy();
        }
    }

    private static KafkaHealthIndicator indicator(String bootstrap) {
        return new KafkaHealthIndicator(new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)),
                Duration.ofSeconds(2));
    }
}
