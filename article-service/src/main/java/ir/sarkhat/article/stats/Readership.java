package ir.sarkhat.article.stats;

/** What a page shows about an article's readers. */
public record Readership(long views, long comments) {

    public static final Readership NONE = new Readership(0, 0);
}
