package ir.sarkhat.gateway.pageview;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic          where PageViewed events go
 * @param partitions     partitions of the topic when the gateway creates it
 * @param relayInterval  pause between attempts to send the page views saved while Kafka was unreachable
 * @param relayBatchSize how many saved page views one attempt sends at most
 * @param queueCapacity  page views waiting for the sender thread; beyond that they go to MongoDB directly
 * @param hitThreshold   page views a visitor may make in a UTC day before the next ones are excluded as a robot's
 *                       ({@code hit-threshold}); 0 = no threshold
 */
@ConfigurationProperties("sarkhat.gateway.page-views")
record PageViewProperties(
        @DefaultValue("page-views") String topic,
        @DefaultValue("3") int partitions,
        @DefaultValue("5s") Duration relayInterval,
        @DefaultValue("500") int relayBatchSize,
        @DefaultValue("1000") int queueCapacity,
        @DefaultValue("200") int hitThreshold) {
}
