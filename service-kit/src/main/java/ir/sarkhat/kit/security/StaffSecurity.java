package ir.sarkhat.kit.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

import ir.sarkhat.kit.problem.ProblemSecurityHandlers;

/**
 * The part of every service's security chain that is the same everywhere: stateless bearer tokens,
 * no CSRF (no cookies are used for authentication), problem+json for 401 and 403.
 * Each service adds its own {@code authorizeHttpRequests} rules after the operational ones here:
 * health probes and the Prometheus scrape are open on the service port, which the gateway never
 * routes to (docs/observability.md).
 */
public final class StaffSecurity {

    private final ProblemSecurityHandlers handlers;
    private final StaffAuthenticationConverter converter;

    public StaffSecurity(ProblemSecurityHandlers handlers) {
        this(handlers, new StaffAuthenticationConverter());
    }

    public StaffSecurity(ProblemSecurityHandlers handlers, StaffAuthenticationConverter converter) {
        this.handlers = handlers;
        this.converter = converter;
    }

    public HttpSecurity apply(HttpSecurity http) {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .anonymous(Customizer.withDefaults())
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .oauth2ResourceServer(o -> o
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter)))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                "/actuator/prometheus", "/livez", "/readyz").permitAll());
        return http;
    }
}
