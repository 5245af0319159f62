package ir.sarkhat.gateway.pageview;

import java.util.HexFormat;

import ir.sarkhat.gateway.protection.HmacSha256;

/**
 * {@code visitorKey = hex(HMAC-SHA256(daily salt, clientIp + "\n" + userAgent))[0..32)}. Counts unique visitors per
 * day without keeping an IP: once the day's salt is deleted, a key can no longer be linked back to an address.
 */
final class VisitorKeys {

    private VisitorKeys() {
    }

    static String of(byte[] dailySalt, String clientIp, String userAgent) {
        String input = (clientIp == null ? "" : clientIp) + "\n" + (userAgent == null ? "" : userAgent);
        return HexFormat.of().formatHex(HmacSha256.of(dailySalt, input), 0, 16);
    }
}
