package ir.sarkhat.analytics.beacon;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Checks the stamp the gateway puts on a beacon request: {@code X-Sarkhat-Visitor}, {@code X-Sarkhat-Client}
 * ({@code browser|os|device|excluded}), {@code X-Sarkhat-Stamped-At} and their HMAC-SHA256 under the secret shared
 * with the gateway ({@code sarkhat.beacon.secret}, env {@code SARKHAT_BEACON_SECRET}). A request that did not come
 * through the gateway, or whose stamp is older than two minutes, is refused: nobody can count views directly.
 */
@Component
public class BeaconStamp {

    static final Duration MAX_AGE = Duration.ofMinutes(2);
    private static final String HMAC = "HmacSHA256";

    private final byte[] secret;
    private final Clock clock;

    BeaconStamp(Secret secret, Clock clock) {
        this.secret = secret.secret().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @ConfigurationProperties("sarkhat.beacon")
    public record Secret(@DefaultValue("") String secret) {
    }

    /** Who sent a beacon, as the gateway saw it. */
    public record Stamp(String visitorKey, String browser, String os, String device, String excluded) {
    }

    public Stamp verify(String visitor, String client, String stampedAt, String signature) {
        if (secret.length == 0) {
            throw ApiProblem.forbidden("Beacons are not accepted: no beacon secret is configured (SARKHAT_BEACON_SECRET).");
        }
        if (visitor == null || client == null || stampedAt == null || signature == null
                || !visitor.matches("[0-9a-f]{32}")) {
            throw ApiProblem.forbidden("Send beacons through the gateway: this request carries no visitor stamp.");
        }
        byte[] expected = sign(visitor + "\n" + client + "\n" + stampedAt).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw ApiProblem.forbidden("The visitor stamp is not the gateway's: send beacons through the gateway.");
        }
        long age;
        try {
            age = clock.millis() - Long.parseLong(stampedAt);
        } catch (NumberFormatException e) {
            throw ApiProblem.forbidden("The visitor stamp has no valid time.");
        }
        if (Math.abs(age) > MAX_AGE.toMillis()) {
            throw ApiProblem.forbidden("The visitor stamp has expired: send beacons through the gateway.");
        }
        String[] parts = client.split("\\|", -1);
        if (parts.length != 4) {
            throw ApiProblem.forbidden("The client stamp is malformed.");
        }
        return new Stamp(visitor, part(parts[0]), part(parts[1]), part(parts[2]), part(parts[3]));
    }

    private static String part(String value) {
        return value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    String sign(String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
