package ir.sarkhat.gateway.pageview;

/**
 * The PageViewed event data, exactly as in {@code contracts/events/page-viewed.v1.schema.json}. Times are RFC 3339
 * strings so the wire form does not depend on a mapper's date settings. No IP address: only the keyed hash.
 */
record PageViewed(
        String pageviewId,
        String articleId,
        String viewedAt,
        String path,
        String referrer,
        String userAgent,
        String visitorKey) {
}
