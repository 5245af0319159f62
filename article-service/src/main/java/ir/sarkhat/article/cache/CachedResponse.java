package ir.sarkhat.article.cache;

/** A 200 answer as it was sent: enough to send it again byte for byte. */
record CachedResponse(String contentType, byte[] body, String articleId) {
}
