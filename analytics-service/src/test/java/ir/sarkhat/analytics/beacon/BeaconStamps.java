package ir.sarkhat.analytics.beacon;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The headers the gateway stamps on a beacon, signed with a test secret, for tests that post beacons directly. */
public final class BeaconStamps {

    private BeaconStamps() {
    }

    public static Map<String, String> stamp(String secret, String visitor, String client) throws Exception {
        String at = Long.toString(System.currentTimeMillis());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((visitor + "\n" + client + "\n" + at).getBytes(StandardCharsets.UTF_8)));
        return Map.of("X-Sarkhat-Visitor", visitor, "X-Sarkhat-Client", client, "X-Sarkhat-Stamped-At", at,
                "X-Sarkhat-Signature", signature);
    }
}
