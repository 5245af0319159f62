package ir.sarkhat.article.cache;

import ir.sarkhat.article.articles.web.ETags;
import ir.sarkhat.article.stats.Readership;

/**
 * A 200 answer as it was sent: enough to send it again byte for byte. {@code etag} is the controller's validator,
 * kept so a cache hit answers conditional requests the same way. {@code counts} says where the article's view and
 * comment counts stand in the body (null for listings, or when they could not be found unambiguously).
 */
record CachedResponse(String contentType, byte[] body, String articleId, String etag, CountSlots counts) {

    CachedResponse(String contentType, byte[] body, String articleId, String etag) {
        this(contentType, body, articleId, etag, null);
    }

    /**
     * The same answer showing these counts, or null when it cannot be rewritten (no slots, or a validator that is not
     * the hash of the bytes): then it must be evicted. A content-hash ETag is recomputed from the new bytes.
     */
    CachedResponse withCounts(Readership newCounts) {
        if (counts == null || (etag != null && !etag.equals(ETags.ofContent(body)))) {
            return null;
        }
        CountSlots.Written written = counts.write(body, newCounts);
        return new CachedResponse(contentType, written.body(), articleId,
                etag == null ? null : ETags.ofContent(written.body()), written.slots());
    }
}
