package ir.sarkhat.kit.observability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Whether a Kafka broker answers (one {@code DescribeCluster} with a short timeout, on one admin client
 * kept for the service's life). Part of {@code /actuator/health} for operators; not of readiness,
 * because no service needs Kafka to answer a request: events wait in the outbox (or the gateway's
 * spool) until Kafka is back.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin admin;
    private final Duration timeout;
    private AdminClient client;

    KafkaHealthIndicator(KafkaAdmin admin, Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = client().describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .withDetail("brokers", brokers);
    }

    private synchronized AdminClient client() {
        if (client == null) {
            client = AdminClient.create(admin.getConfigurationProperties());
        }
        return client;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close(Duration.ofSeconds(2));
        }
    }
}
