package ir.sarkhat.article.cache;

/** A 200 answer as it was sent: enough to send it again byte for byte. */
/** {@code etag} is the controller's validator, kept so a cache hit answers conditional requests the same way. */
record CachedResponse(String contentType, byte[] body, String articleId, String etag) {
}
