package ir.sarkhat.gateway.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, the one keyed hash the gateway signs with: visitor keys, beacon stamps, page view ids and the staff
 * cookie. A {@link Mac} is not thread-safe, so each call takes a fresh one (a microsecond, next to the request).
 */
public final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {
    }

    public static byte[] of(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    public static byte[] of(byte[] key, String data) {
        return of(key, data.getBytes(StandardCharsets.UTF_8));
    }
}
