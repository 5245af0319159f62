package ir.sarkhat.analytics.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import ir.sarkhat.analytics.pageview.PageView;
import ir.sarkhat.analytics.rollup.Dimension;

/** What a query can group or filter by, with Plausible's names where Plausible has one. */
enum QueryDimension {
    ARTICLE("event:article", null, PageView::articleId),
    SOURCE("visit:source", Dimension.SOURCE, v -> Dimension.SOURCE.valueOf(v)),
    CAMPAIGN("visit:utm_campaign", Dimension.CAMPAIGN, v -> Dimension.CAMPAIGN.valueOf(v)),
    BROWSER("visit:browser", Dimension.BROWSER, v -> Dimension.BROWSER.valueOf(v)),
    OS("visit:os", Dimension.OS, v -> Dimension.OS.valueOf(v)),
    DEVICE("visit:device", Dimension.DEVICE, v -> Dimension.DEVICE.valueOf(v)),
    /** The article a visit started on; pageviews and visitors are grouped by the viewed article. */
    ENTRY_PAGE("visit:entry_page", null, PageView::articleId),
    MINUTE("time:minute", null, v -> bucket(v.viewedAt(), ChronoUnit.MINUTES)),
    HOUR("time:hour", null, v -> bucket(v.viewedAt(), ChronoUnit.HOURS)),
    DAY("time:day", null, v -> bucket(v.viewedAt(), ChronoUnit.DAYS));

    private final String apiName;
    private final Dimension rollup;
    private final Function<PageView, String> valueOf;

    QueryDimension(String apiName, Dimension rollup, Function<PageView, String> valueOf) {
        this.apiName = apiName;
        this.rollup = rollup;
        this.valueOf = valueOf;
    }

    static Optional<QueryDimension> fromApiName(String name) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(d -> d.apiName).toList());
    }

    String apiName() {
        return apiName;
    }

    /** The rollup dimension, or null when this is not a rollup breakdown. */
    Dimension rollup() {
        return rollup;
    }

    String valueOf(PageView view) {
        return valueOf.apply(view);
    }

    boolean isTime() {
        return this == MINUTE || this == HOUR || this == DAY;
    }

    ChronoUnit unit() {
        return switch (this) {
            case MINUTE -> ChronoUnit.MINUTES;
            case HOUR -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
    }

    private static String bucket(Instant at, ChronoUnit unit) {
        return at.truncatedTo(unit).toString();
    }
}
