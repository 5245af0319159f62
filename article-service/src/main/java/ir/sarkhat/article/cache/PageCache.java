package ir.sarkhat.article.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import ir.sarkhat.article.stats.Readership;
import ir.sarkhat.article.text.PersianText;

/**
 * Two Caffeine caches: one article's page and JSON (keyed by slug, evicted when that article changes
 * or its counts do), and listings (home, archives, feeds, sitemaps; all evicted when any article
 * changes). The TTL is only a safety net; events do the real invalidation.
 * <p>
 * A render that started before an eviction must not store its now stale result after it: every
 * eviction bumps a generation, and a response is stored only if the generation it started in is current.
 * Article keys are spread over striped generations, so a stream of evictions of other articles (every
 * ArticleStatsUpdated evicts one) does not stop this one from being cached; listings share one.
 */
@Component
public class PageCache {

    private final Cache<String, CachedResponse> articles;
    private final Cache<String, CachedResponse> listings;
    private static final int STRIPES = 64;
    private final AtomicLongArray articleGenerations = new AtomicLongArray(STRIPES);
    private final AtomicLong listingGeneration = new AtomicLong();

    PageCache(@Value("${sarkhat.cache.ttl:60s}") Duration ttl, @Value("${sarkhat.cache.max-entries:5000}") long maxEntries) {
        // Writing new counts into an entry keeps its expiry: the TTL still bounds how long a missed event can last.
        this.articles = Caffeine.newBuilder().expireAfter(Expiry.<String, CachedResponse>creating((key, value) -> ttl))
                .maximumSize(maxEntries).build();
        this.listings = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    /** Key of an article's page or JSON: the slug as the lookup reads it (Arabic ي/ك = Persian ی/ک). */
    static String articleKey(String kind, String slug) {
        return kind + ':' + PersianText.letters(slug);
    }

    /** The generation a render of this key starts in; pass it back to {@link #putArticle} / {@link #putListing}. */
    long articleGeneration(String key) {
        return articleGenerations.get(stripe(key));
    }

    long listingGeneration() {
        return listingGeneration.get();
    }

    static int stripe(String key) {
        return Math.floorMod(key.hashCode(), STRIPES);
    }

    CachedResponse article(String key) {
        return articles.getIfPresent(key);
    }

    CachedResponse listing(String key) {
        return listings.getIfPresent(key);
    }

    void putArticle(String key, CachedResponse response, long startedIn) {
        if (articleGenerations.get(stripe(key)) == startedIn) {
            articles.put(key, response);
            // An eviction that slipped in between the check and the put: undo it.
            if (articleGenerations.get(stripe(key)) != startedIn) {
                articles.invalidate(key);
            }
        }
    }

    void putListing(String key, CachedResponse response, long startedIn) {
        if (listingGeneration.get() == startedIn) {
            listings.put(key, response);
            if (listingGeneration.get() != startedIn) {
                listings.invalidate(key);
            }
        }
    }

    /** Forgets the page and JSON of each of these slugs (nulls skipped). */
    void evictArticle(String... slugs) {
        for (String slug : slugs) {
            if (slug != null && !slug.isBlank()) {
                evictArticleKey(articleKey(PageCacheFilter.PAGE, slug));
                evictArticleKey(articleKey(PageCacheFilter.JSON, slug));
            }
        }
    }

    /**
     * New counts of the article under this slug: its cached page and JSON get them written in (no re-render), or are
     * evicted when that is not possible. Renders already running may have read the old counts: the bump refuses them.
     */
    void showCounts(String slug, Readership counts) {
        if (slug == null || slug.isBlank()) {
            return;
        }
        for (String kind : new String[] { PageCacheFilter.PAGE, PageCacheFilter.JSON }) {
            String key = articleKey(kind, slug);
            articleGenerations.incrementAndGet(stripe(key));
            articles.asMap().computeIfPresent(key, (k, cached) -> cached.withCounts(counts));
        }
    }

    // Bump first: a render finishing between the bump and the invalidation is refused or removed.
    private void evictArticleKey(String key) {
        articleGenerations.incrementAndGet(stripe(key));
        articles.invalidate(key);
    }

    void evictListings() {
        listingGeneration.incrementAndGet();
        listings.invalidateAll();
    }

    /** Forgets everything: for an event that cannot be read, and for tests that change the store underneath. */
    public void evictAll() {
        for (int i = 0; i < STRIPES; i++) {
            articleGenerations.incrementAndGet(i);
        }
        listingGeneration.incrementAndGet();
        articles.invalidateAll();
        listings.invalidateAll();
    }
}
