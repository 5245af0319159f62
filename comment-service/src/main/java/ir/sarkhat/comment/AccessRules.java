package ir.sarkhat.comment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import ir.sarkhat.kit.security.StaffRole;
import ir.sarkhat.kit.security.StaffSecurity;

/** Who may call what. Readers need no account; moderation needs a staff token with MODERATOR (or ADMIN). */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    SecurityFilterChain commentServiceSecurity(HttpSecurity http, StaffSecurity staffSecurity) throws Exception {
        return staffSecurity.apply(http)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/articles/*/comments", "/api/articles/*/comments/count")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/articles/*/comments").permitAll()
                        .requestMatchers("/api/moderation/**").hasRole(StaffRole.MODERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/admin/import/comments").hasRole(StaffRole.ADMIN.name())
                        .anyRequest().denyAll())
                .build();
    }
}
