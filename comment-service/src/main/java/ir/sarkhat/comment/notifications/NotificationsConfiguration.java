package ir.sarkhat.comment.notifications;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The signed mail links need no account: the signature is the permission. This chain is consulted
 * before the service's own rules, and only for those paths. CSRF is off: the POST needs the secret
 * token in its URL, which a cross-site page cannot know. The dead-letter topic of the notifications'
 * consumer is declared here (same partition count as comment-events).
 */
@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

    static final String LINKS = "/api/moderation/links/**";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain signedLinksSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(LINKS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .build();
    }

    @Bean
    NewTopic commentEventsDeadLetters(@Value("${sarkhat.kafka.partitions:3}") int partitions,
            @Value("${sarkhat.kafka.replicas:1}") short replicas) {
        return new NewTopic("comment-events-dlt", partitions, replicas);
    }
}
