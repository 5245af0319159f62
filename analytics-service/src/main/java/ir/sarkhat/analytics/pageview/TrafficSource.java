package ir.sarkhat.analytics.pageview;

import java.util.Locale;
import java.util.Set;

/**
 * Plausible's source rule: {@code utm_source}, else {@code ref}, else the referrer's host; a referrer on the site's
 * own hosts is direct (null). Values are trimmed, lower-cased and bounded so garbage cannot grow the rollups.
 */
public final class TrafficSource {

    static final int MAX_LENGTH = 100;

    private TrafficSource() {
    }

    public static String of(String utmSource, String ref, String referrer, Set<String> ownHosts) {
        String explicit = clean(utmSource);
        if (explicit == null) {
            explicit = clean(ref);
        }
        if (explicit != null) {
            return explicit;
        }
        String host = ReferrerHost.of(referrer);
        if (host == null || ownHosts.contains(host)) {
            return null;
        }
        return host.startsWith("www.") ? host.substring(4) : bounded(host);
    }

    /** A UTM value as a dimension: trimmed, lower-case, at most 100 characters; blank is null. */
    public static String clean(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return bounded(value.strip().toLowerCase(Locale.ROOT));
    }

    private static String bounded(String value) {
        return value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH);
    }
}
