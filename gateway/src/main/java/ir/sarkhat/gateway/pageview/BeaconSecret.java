package ir.sarkhat.gateway.pageview;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret shared with analytics-service ({@code SARKHAT_BEACON_SECRET}); the gateway signs the visitor and
 *               client it stamps on beacon requests with it. Blank: beacons are forwarded unsigned and analytics
 *               counts none of them (page views seen here still count).
 */
@ConfigurationProperties("sarkhat.beacon")
record BeaconSecret(@DefaultValue("") String secret) {
}
