package ir.sarkhat.gateway.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer            the {@code iss} of every token; the services check it
 * @param accessTokenTtl    lifetime of an access token
 * @param keyRefreshInterval how often the key set is re-read, so keys created by other gateway instances are used
 */
@ConfigurationProperties("sarkhat.security")
record SecurityProperties(
        @DefaultValue("sarkhat") String issuer,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("1m") Duration keyRefreshInterval) {
}
