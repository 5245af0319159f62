package ir.sarkhat.analytics.stats;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The windows "most viewed" can be asked for, ending now. */
public enum Period {
    LAST_24_HOURS("24h", Duration.ofHours(24)),
    LAST_7_DAYS("7d", Duration.ofDays(7)),
    LAST_30_DAYS("30d", Duration.ofDays(30));

    private final String label;
    private final Duration length;

    Period(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public static Optional<Period> fromLabel(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(Period::label).toList());
    }

    public String label() {
        return label;
    }

    Duration length() {
        return length;
    }
}
