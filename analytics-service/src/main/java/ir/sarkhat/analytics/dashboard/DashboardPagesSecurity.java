package ir.sarkhat.analytics.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import ir.sarkhat.kit.security.StaffPages;
import ir.sarkhat.kit.security.StaffSecurity;

/**
 * The dashboard page and its assets (and the beacon script beside them) are public GETs, an empty shell until an
 * editor signs in; every number comes from the staff API. A CSP allows only this service's scripts and styles.
 */
@Configuration(proxyBeanMethods = false)
class DashboardPagesSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain dashboardPagesChain(HttpSecurity http, StaffSecurity staffSecurity) throws Exception {
        return StaffPages.chain(http, staffSecurity, "", "/analytics", "/analytics/**");
    }
}
