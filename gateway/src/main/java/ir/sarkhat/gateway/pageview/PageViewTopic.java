package ir.sarkhat.gateway.pageview;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The producer owns its topic: created at startup when missing (Spring Kafka's admin does it when the broker is up). */
@Configuration(proxyBeanMethods = false)
class PageViewTopic {

    @Bean
    NewTopic pageViewsTopic(PageViewProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).build();
    }
}
