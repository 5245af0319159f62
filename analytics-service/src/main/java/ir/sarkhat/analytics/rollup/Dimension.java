package ir.sarkhat.analytics.rollup;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import ir.sarkhat.analytics.pageview.PageView;
import ir.sarkhat.analytics.pageview.Traffic;

/**
 * What hour and day rollups are broken down by. {@code ALL} is the undivided count. Missing values get a label, so
 * the rows of every breakdown add up to the total.
 */
public enum Dimension {
    ALL("all", "all", t -> "all"),
    SOURCE("source", "Direct / None", Traffic::source),
    CAMPAIGN("campaign", "(none)", Traffic::campaign),
    BROWSER("browser", "unknown", Traffic::browser),
    OS("os", "unknown", Traffic::os),
    DEVICE("device", "unknown", Traffic::device),
    /** Hits that were not counted, by reason (site scope, day grain only); not a property of a view. */
    DROPPED("dropped", "unknown", t -> null),
    /**
     * Every article's views of an hour or day in one site-wide document ({@code r.<articleId>}): top articles over
     * a range read one document per bucket by id instead of one per article and bucket.
     */
    RANK("rank", "all", t -> "all");

    /** The dimensions every counted view is rolled up by. */
    static final List<Dimension> OF_VIEWS = List.of(ALL, SOURCE, CAMPAIGN, BROWSER, OS, DEVICE);

    private final String code;
    private final String missing;
    private final Function<Traffic, String> value;

    Dimension(String code, String missing, Function<Traffic, String> value) {
        this.code = code;
        this.missing = missing;
        this.value = value;
    }

    public String code() {
        return code;
    }

    public String valueOf(PageView view) {
        Traffic traffic = view.traffic() == null ? Traffic.UNKNOWN : view.traffic();
        String v = value.apply(traffic);
        return v == null || v.isBlank() ? missing : v;
    }

    /** The label rows without a value are counted under. */
    public String missingLabel() {
        return missing;
    }

    public static Optional<Dimension> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
