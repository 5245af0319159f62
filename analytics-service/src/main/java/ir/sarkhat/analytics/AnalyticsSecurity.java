package ir.sarkhat.analytics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import ir.sarkhat.kit.security.StaffRole;
import ir.sarkhat.kit.security.StaffSecurity;

/**
 * One article's totals are public (article pages may show them), and so are the beacon script and the beacon
 * endpoint (its counts are only trusted when the gateway signed the visitor, see BeaconSignature). Every report
 * needs an EDITOR (ADMIN implies it). Everything else is closed.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsSecurity {

    @Bean
    SecurityFilterChain analyticsSecurityChain(HttpSecurity http, StaffSecurity staffSecurity) throws Exception {
        return staffSecurity.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/analytics/articles/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/analytics/events").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/analytics/**").hasRole(StaffRole.EDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/analytics/query").hasRole(StaffRole.EDITOR.name())
                        .anyRequest().denyAll())
                .build();
    }
}
