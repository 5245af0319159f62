package ir.sarkhat.analytics.pageview;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One page view. The id is the event's pageviewId, so storing the same view twice is impossible. {@code partition}
 * and {@code offset} say which record stored it first: only that record adds the view to rollups and sketches, so
 * the beacon's copy of a view the gateway already reported, or a re-sent event, counts nothing. Only the referrer's
 * host is kept, and no user agent or IP ({@code engagedMs}: visible time, from the beacon's pings): nothing here identifies a reader once the day's salt is gone.
 */
@Document(PageView.COLLECTION)
public record PageView(@Id String id, String articleId, Instant viewedAt, String visitorKey, String referrerHost,
        Traffic traffic, int partition, long offset, Long engagedMs) {

    public static final String COLLECTION = "page_views";

    /** True when this stored view was written by the record at this position (a redelivery of it, or itself). */
    public boolean storedBy(int partition, long offset) {
        return this.partition == partition && this.offset == offset;
    }
}
