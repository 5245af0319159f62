package ir.sarkhat.gateway.pageview;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code visitorKey = hex(HMAC-SHA256(daily salt, clientIp + "\n" + userAgent))[0..32)}. Counts unique visitors per
 * day without keeping an IP: once the day's salt is deleted, a key can no longer be linked back to an address.
 */
final class VisitorKeys {

    private static final String HMAC = "HmacSHA256";

    private VisitorKeys() {
    }

    static String of(byte[] dailySalt, String clientIp, String userAgent) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(dailySalt, HMAC));
            String input = (clientIp == null ? "" : clientIp) + "\n" + (userAgent == null ? "" : userAgent);
            byte[] digest = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
