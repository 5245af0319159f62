package ir.sarkhat.article;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import ir.sarkhat.kit.security.StaffRole;
import ir.sarkhat.kit.security.StaffSecurity;
import jakarta.servlet.DispatcherType;

/** Who may call what. Readers need no account; writing needs a staff token with EDITOR (ADMIN implies it). */
@Configuration(proxyBeanMethods = false)
class AccessRules {

    @Bean
    SecurityFilterChain articleServiceSecurity(HttpSecurity http, StaffSecurity staffSecurity) throws Exception {
        String editor = StaffRole.EDITOR.name();
        return staffSecurity.apply(http)
                .authorizeHttpRequests(rules -> rules
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/articles/id/*", "/api/articles/*/revisions",
                                "/api/articles/*/revisions/*").hasRole(editor)
                        .requestMatchers("/api/editor/**").hasRole(editor)
                        .requestMatchers("/api/admin/import/**", "/api/admin/export/**").hasRole(StaffRole.ADMIN.name())
                        // Old WordPress addresses (/?p=ID, /YYYY/MM/DD/slug/) answer 301 to the article.
                        .requestMatchers(HttpMethod.GET, "/{year:[0-9]{4}}/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/search", "/api/search").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/articles/**", "/api/articles", "/api/articles/**",
                                "/api/categories", "/api/categories/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/categories").hasRole(editor)
                        // Reader pages, feeds and the stylesheet.
                        .requestMatchers(HttpMethod.GET, "/tag/**", "/category/**", "/author/**", "/feed", "/feed/**",
                                "/sitemap.xml", "/news-sitemap.xml", "/assets/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/articles", "/api/articles/**").hasRole(editor)
                        .requestMatchers(HttpMethod.PUT, "/api/articles/**").hasRole(editor)
                        .requestMatchers(HttpMethod.DELETE, "/api/articles/**").hasRole(editor)
                        .anyRequest().denyAll())
                .build();
    }
}
