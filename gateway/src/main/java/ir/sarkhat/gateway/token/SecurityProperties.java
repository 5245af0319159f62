package ir.sarkhat.gateway.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer            the {@code iss} of every token; the services check it
 * @param accessTokenTtl    lifetime of an access token
 * @param keyRefreshInterval how often the key set is re-read, so keys created by other gateway instances are used
 * @param keyActivationDelay how long a new key is only published before it signs (longer than the refresh interval)
 * @param keyRotationInterval a new key is added when the newest is this old; 0 = only by the admin endpoint
 * @param refreshTokenTtl    lifetime of one refresh token; each use gives a new one
 * @param sessionMaxAge      a chain of refreshes ends this long after the sign-in, whatever the activity
 */
@ConfigurationProperties("sarkhat.security")
public record SecurityProperties(
        @DefaultValue("sarkhat") String issuer,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("1m") Duration keyRefreshInterval,
        @DefaultValue("2m") Duration keyActivationDelay,
        @DefaultValue("30d") Duration keyRotationInterval,
        @DefaultValue("12h") Duration refreshTokenTtl,
        @DefaultValue("7d") Duration sessionMaxAge) {
}
