package ir.sarkhat.kit.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Takes the bean name of Boot's MongoDB health check, so Boot's own one backs off. */
@AutoConfiguration(
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
public class HealthAutoConfiguration {

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(MongoTemplate.class)
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
