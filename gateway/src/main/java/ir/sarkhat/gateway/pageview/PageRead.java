package ir.sarkhat.gateway.pageview;

import java.time.Instant;

/** What the gateway saw of one article page read. The client IP stays in memory: only its keyed hash goes out. */
record PageRead(String articleId, String path, String referrer, String userAgent, String clientIp, Instant viewedAt) {
}
