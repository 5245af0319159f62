package ir.sarkhat.analytics.pageview;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Reduces a referrer URL to its host: where readers come from, without the page they came from. */
public final class ReferrerHost {

    private static final int MAX_LENGTH = 4096; // longer is garbage, not a referrer worth parsing

    private ReferrerHost() {
    }

    public static String of(String referrer) {
        if (referrer == null || referrer.isBlank() || referrer.length() > MAX_LENGTH) {
            return null;
        }
        try {
            String host = new URI(referrer.strip()).getHost();
            return host == null || host.isBlank() ? null : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
