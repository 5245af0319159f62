package ir.sarkhat.gateway.pageview;

import java.time.Instant;

/**
 * What the gateway saw of one article page read. The client IP and user agent stay in memory: only the visitor's
 * keyed hash and the client's classes go out. {@code staff} = the request carried a valid staff token.
 */
record PageRead(String pageviewId, String articleId, String path, String referrer, String userAgent, String clientIp,
        boolean staff, Instant viewedAt) {
}
