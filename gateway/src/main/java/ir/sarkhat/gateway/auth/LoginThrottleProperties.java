package ir.sarkhat.gateway.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sarkhat.security.login-throttle.*}.
 *
 * @param accountThreshold failed sign-ins for one username before it is locked
 * @param ipThreshold      failed sign-ins from one client address before it is locked
 * @param firstLock        the first lock; each further failure doubles it
 * @param maxLock          the longest lock
 * @param forgetAfter      failures are forgotten this long after the last one
 */
@ConfigurationProperties("sarkhat.security.login-throttle")
record LoginThrottleProperties(
        @DefaultValue("5") int accountThreshold,
        @DefaultValue("20") int ipThreshold,
        @DefaultValue("30s") Duration firstLock,
        @DefaultValue("15m") Duration maxLock,
        @DefaultValue("1h") Duration forgetAfter) {
}
