package ir.sarkhat.comment.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import ir.sarkhat.kit.security.StaffPages;
import ir.sarkhat.kit.security.StaffSecurity;

/**
 * The pages are public (the console is an empty shell until a moderator signs in; every action is
 * checked by the API). Checked before the service's main rules, which deny everything unlisted.
 * A Content-Security-Policy allows only our own scripts and styles: no inline code can run.
 */
@Configuration(proxyBeanMethods = false)
class PagesSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain pagesSecurityChain(HttpSecurity http, StaffSecurity staffSecurity) throws Exception {
        return StaffPages.chain(http, staffSecurity, "", "/comments/**", "/moderation", "/moderation/**");
    }
}
