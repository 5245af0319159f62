/** Rendered pages, feeds and article JSON kept in memory (Caffeine), evicted by this service's own events. */
package ir.sarkhat.article.cache;
