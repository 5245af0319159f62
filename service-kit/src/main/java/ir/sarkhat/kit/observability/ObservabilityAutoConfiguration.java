package ir.sarkhat.kit.observability;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import ir.sarkhat.kit.events.OutboxRelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Outbox backlog gauges, the consumed-events counter, the Kafka health check and the W3C trace context
 * helper of every service. Boot's Kafka configuration hands the two listener interceptors to its
 * container factory.
 */
@AutoConfiguration(afterName = {
        "ir.sarkhat.kit.events.EventsAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({ Tracer.class, Propagator.class })
    TraceParents traceParents(Tracer tracer, Propagator propagator) {
        return new TraceParents(tracer, propagator);
    }

    @Bean
    @ConditionalOnBean(OutboxRelay.class)
    @ConditionalOnClass(MeterRegistry.class)
    OutboxBacklogMetrics outboxBacklogMetrics(OutboxRelay relay, Clock clock,
            @Value("${sarkhat.outbox.metrics-refresh:10s}") Duration refresh) {
        return new OutboxBacklogMetrics(relay, clock, refresh);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(MeterRegistry.class)
    static class ConsumedEventsCounting {

        private final ConsumedEvents consumed;

        ConsumedEventsCounting(MeterRegistry registry) {
            this.consumed = new ConsumedEvents(registry);
        }

        @Bean
        @ConditionalOnMissingBean
        RecordInterceptor<Object, Object> consumedEventsRecordInterceptor() {
            return consumed.recordInterceptor();
        }

        @Bean
        @ConditionalOnMissingBean
        BatchInterceptor<Object, Object> consumedEventsBatchInterceptor() {
            return consumed.batchInterceptor();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
    static class KafkaHealth {

        @Bean(name = "kafkaHealthIndicator")
        @ConditionalOnBean(KafkaAdmin.class)
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin,
                @Value("${sarkhat.kafka.health-timeout:2s}") Duration timeout) {
            return new KafkaHealthIndicator(admin, timeout);
        }
    }
}
