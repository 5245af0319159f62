package ir.sarkhat.gateway.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin account. Bound from {@code sarkhat.admin.*}, so the environment variables {@code SARKHAT_ADMIN_USER}
 * and {@code SARKHAT_ADMIN_PASSWORD} set them. There is deliberately no default password.
 */
@ConfigurationProperties("sarkhat.admin")
record AdminProperties(@DefaultValue("admin") String user, String password) {
}
