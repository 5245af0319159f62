package ir.sarkhat.gateway.pageview;

/**
 * The PageViewed event data, exactly as in {@code contracts/events/page-viewed.v1.schema.json}. Times are RFC 3339
 * strings so the wire form does not depend on a mapper's date settings. No IP address and no user agent: only the
 * visitor's keyed hash and the client's classes. {@code excluded} names why the view must not count.
 */
record PageViewed(
        String pageviewId,
        String articleId,
        String viewedAt,
        String path,
        String referrer,
        String visitorKey,
        String origin,
        String browser,
        String os,
        String device,
        String excluded) {
}
