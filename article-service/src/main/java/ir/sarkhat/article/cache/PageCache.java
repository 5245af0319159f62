package ir.sarkhat.article.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ir.sarkhat.article.text.PersianText;

/**
 * Two Caffeine caches: one article's page and JSON (keyed by slug, evicted when that article changes
 * or its counts do), and listings (home, archives, feeds, sitemaps; all evicted when any article
 * changes). The TTL is only a safety net; events do the real invalidation.
 * <p>
 * A render that started before an eviction must not store its now stale result after it: every
 * eviction bumps a generation, and a response is stored only if the generation it started in is current.
 */
@Component
public class PageCache {

    private final Cache<String, CachedResponse> articles;
    private final Cache<String, CachedResponse> listings;
    private final AtomicLong generation = new AtomicLong();

    PageCache(@Value("${sarkhat.cache.ttl:60s}") Duration ttl, @Value("${sarkhat.cache.max-entries:5000}") long maxEntries) {
        this.articles = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
        this.listings = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    /** Key of an article's page or JSON: the slug as the lookup reads it (Arabic ي/ك = Persian ی/ک). */
    static String articleKey(String kind, String slug) {
        return kind + ':' + PersianText.letters(slug);
    }

    long generation() {
        return generation.get();
    }

    CachedResponse article(String key) {
        return articles.getIfPresent(key);
    }

    CachedResponse listing(String key) {
        return listings.getIfPresent(key);
    }

    void putArticle(String key, CachedResponse response, long startedIn) {
        if (generation.get() == startedIn) {
            articles.put(key, response);
        }
    }

    void putListing(String key, CachedResponse response, long startedIn) {
        if (generation.get() == startedIn) {
            listings.put(key, response);
        }
    }

    /** Forgets the page and JSON of each of these slugs (nulls skipped). */
    void evictArticle(String... slugs) {
        generation.incrementAndGet();
        for (String slug : slugs) {
            if (slug != null && !slug.isBlank()) {
                articles.invalidate(articleKey(PageCacheFilter.PAGE, slug));
                articles.invalidate(articleKey(PageCacheFilter.JSON, slug));
            }
        }
    }

    void evictListings() {
        generation.incrementAndGet();
        listings.invalidateAll();
    }

    /** Forgets everything: for an event that cannot be read, and for tests that change the store underneath. */
    public void evictAll() {
        generation.incrementAndGet();
        articles.invalidateAll();
        listings.invalidateAll();
    }
}
