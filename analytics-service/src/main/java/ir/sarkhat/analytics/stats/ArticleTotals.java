package ir.sarkhat.analytics.stats;

/** An article's readership: views, distinct visitors and approved comments. */
public record ArticleTotals(long views, long uniqueVisitors, long comments) {

    public static final ArticleTotals ZERO = new ArticleTotals(0, 0, 0);
}
