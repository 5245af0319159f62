package ir.sarkhat.analytics.pageview;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One page view. The id is the event's pageviewId (= ce_id), so storing the same view twice is
 * impossible. Only the referrer's host is kept, and no user agent: nothing here identifies a reader.
 */
@Document(PageView.COLLECTION)
public record PageView(@Id String id, String articleId, Instant viewedAt, String visitorKey, String referrerHost) {

    public static final String COLLECTION = "page_views";

    /** A view as received; the referrer is reduced to its host here, before anything is stored. */
    public static PageView of(String pageviewId, String articleId, Instant viewedAt, String visitorKey,
            String referrer) {
        return new PageView(pageviewId, articleId, viewedAt, visitorKey, ReferrerHost.of(referrer));
    }
}
