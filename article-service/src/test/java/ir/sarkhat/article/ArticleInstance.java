package ir.sarkhat.article;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

import ir.sarkhat.kit.test.TestTokens;

/**
 * One article-service instance as its own Spring application on a free port, so a test can run two
 * of them in one JVM against one Kafka and one MongoDB, as two pods would.
 */
final class ArticleInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    final Http http;
    final int port;

    private ArticleInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = new Http(port);
    }

    static ArticleInstance start(String kafka, String mongoUri, String database, RecordedSpans spans, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.mongodb.database=" + database,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--sarkhat.security.public-key-location=" + TestTokens.publicKeyLocation(),
                "--sarkhat.kafka.retry.initial-interval-ms=50",
                "--sarkhat.kafka.retry.max-interval-ms=200",
                // Every trace is kept in tests; spans leave the batch processor quickly.
                "--management.tracing.sampling.probability=1.0",
                "--management.opentelemetry.tracing.export.schedule-delay=100ms"));
        args.addAll(List.of(more));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ArticleServiceApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("recordedSpans", spans))
                .run(args.toArray(String[]::new));
        return new ArticleInstance(context);
    }

    /** Waits until the page cache's own consumer (it starts at the latest offset) owns its partitions. */
    ArticleInstance awaitCacheListener() {
        KafkaListenerEndpointRegistry listeners = context.getBean(KafkaListenerEndpointRegistry.class);
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("page-cache-invalidation"), 9);
        return this;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
