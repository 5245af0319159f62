package ir.sarkhat.analytics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import ir.sarkhat.kit.security.StaffSecurity;

/**
 * Per-article totals and "most viewed" are shown on public pages, so reading them needs no token
 * (issue #5 puts the detailed dashboard behind staff roles). Everything else is closed.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsSecurity {

    @Bean
    SecurityFilterChain analyticsSecurityChain(HttpSecurity http, StaffSecurity staffSecurity) throws Exception {
        return staffSecurity.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/analytics/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().denyAll())
                .build();
    }
}
