package ir.sarkhat.gateway.pageview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

import ir.sarkhat.gateway.protection.HmacSha256;

/**
 * Page view ids the gateway can recognise as its own: a version-4-shaped UUID whose first 10 bytes are random and whose
 * last 6 are an HMAC-SHA256 of them (key derived from the beacon secret, so every instance recognises every other's).
 * A beacon reporting a view under such an id reports a view this gateway already counted for the visitor threshold;
 * any other id (the script's fallback, a forged one) is a view the gateway has not seen and is counted then.
 */
@Component
class PageviewIds {

    private static final int RANDOM_BYTES = 10;
    private static final int MAC_BYTES = 16 - RANDOM_BYTES;

    private final byte[] key;

    PageviewIds(BeaconSecret secret) {
        byte[] derived;
        if (secret.secret().isBlank()) {
            derived = new byte[32]; // no beacons are stamped then: ids need only be unique
            new SecureRandom().nextBytes(derived);
        } else {
            derived = HmacSha256.of(secret.secret().getBytes(StandardCharsets.UTF_8), "sarkhat pageview ids");
        }
        this.key = derived;
    }

    String issue() {
        byte[] id = new byte[16];
        byte[] random = new byte[RANDOM_BYTES];
        ThreadLocalRandom.current().nextBytes(random);
        random[6] = (byte) ((random[6] & 0x0f) | 0x40); // version 4
        random[8] = (byte) ((random[8] & 0x3f) | 0x80); // IETF variant
        System.arraycopy(random, 0, id, 0, RANDOM_BYTES);
        System.arraycopy(mac(random), 0, id, RANDOM_BYTES, MAC_BYTES);
        String hex = HexFormat.of().formatHex(id);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    boolean issuedHere(String pageviewId) {
        if (pageviewId == null || pageviewId.length() != 36) {
            return false;
        }
        byte[] id;
        try {
            id = HexFormat.of().parseHex(pageviewId.replace("-", ""));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        if (id.length != 16) {
            return false;
        }
        byte[] random = java.util.Arrays.copyOf(id, RANDOM_BYTES);
        byte[] expected = java.util.Arrays.copyOf(mac(random), MAC_BYTES);
        return MessageDigest.isEqual(expected, java.util.Arrays.copyOfRange(id, RANDOM_BYTES, 16));
    }

    private byte[] mac(byte[] data) {
        return HmacSha256.of(key, data);
    }
}
