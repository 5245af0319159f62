package ir.sarkhat.article.editor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import ir.sarkhat.kit.security.StaffPages;
import ir.sarkhat.kit.security.StaffSecurity;

/**
 * The page and its assets are public (an empty shell until an editor signs in; every action is
 * checked by the API). Checked before the service's main rules. A Content-Security-Policy allows
 * only our own scripts and styles, and images also over https (previews show pictures from other sites).
 */
@Configuration(proxyBeanMethods = false)
class EditorPagesSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain editorPagesChain(HttpSecurity http, StaffSecurity staffSecurity) throws Exception {
        return StaffPages.chain(http, staffSecurity, "https:", "/editor", "/editor/**");
    }
}
