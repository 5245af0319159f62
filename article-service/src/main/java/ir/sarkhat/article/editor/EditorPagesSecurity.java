package ir.sarkhat.article.editor;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import ir.sarkhat.kit.security.StaffSecurity;

/**
 * The page and its assets are public (an empty shell until an editor signs in; every action is
 * checked by the API). Checked before the service's main rules. A Content-Security-Policy allows
 * only our own scripts and styles: no inline code can run.
 */
@Configuration(proxyBeanMethods = false)
class EditorPagesSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain editorPagesChain(HttpSecurity http, StaffSecurity staffSecurity,
            @Value("${sarkhat.pages.login-url:/api/auth/login}") String loginUrl) throws Exception {
        // Preview and saved images may come from anywhere over https.
        String csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
                + "connect-src 'self'" + originOf(loginUrl) + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return staffSecurity.apply(http.securityMatcher("/editor", "/editor/**"))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(csp)))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/editor", "/editor/**").permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    /** A login URL on another origin (e.g. a gateway on its own host) must be allowed for fetch. */
    static String originOf(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        return " " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
