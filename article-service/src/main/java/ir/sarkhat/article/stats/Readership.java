package ir.sarkhat.article.stats;

import ir.sarkhat.article.text.PersianDates;

/** What a page shows about an article's readers. */
public record Readership(long views, long comments) {

    public static final Readership NONE = new Readership(0, 0);

    /**
     * Request attribute: the readership a response was rendered with, so the page cache can write newer counts into
     * the stored answer instead of rendering it again.
     */
    public static final String SHOWN = Readership.class.getName() + ".shown";

    public static final String VIEWS_LABEL = " بازدید";
    public static final String COMMENTS_LABEL = " دیدگاه";

    /** E.g. «۱٬۲۳۴ بازدید». */
    public String viewsText() {
        return PersianDates.number(views) + VIEWS_LABEL;
    }

    /** E.g. «۵ دیدگاه». */
    public String commentsText() {
        return PersianDates.number(comments) + COMMENTS_LABEL;
    }
}
