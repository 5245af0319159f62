package ir.sarkhat.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sarkhat.gateway.rate-limits.*}: named rules, each "at most {@code limit} requests of this method to these paths
 * per client IP per {@code window}".
 */
@ConfigurationProperties("sarkhat.gateway.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, Rule> rules) {

    RateLimitProperties {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    record Rule(String method, List<String> paths, int limit, @DefaultValue("1m") Duration window) {
    }
}
