package ir.sarkhat.article.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ir.sarkhat.article.articles.web.ETags;
import ir.sarkhat.article.stats.Readership;

class PageCacheTest {

    private final PageCache cache = new PageCache(Duration.ofMinutes(10), 100);
    private final CachedResponse old = new CachedResponse("text/html", "قدیم".getBytes(StandardCharsets.UTF_8), "a1", null);

    @Test
    void aRenderThatStartedBeforeAnEvictionIsNotStoredAfterIt() {
        String key = PageCache.articleKey(PageCacheFilter.PAGE, "خبر");
        long started = cache.articleGeneration(key);

        cache.evictArticle("خبر");
        cache.putArticle(key, old, started);

        assertThat(cache.article(key)).isNull();
        cache.putArticle(key, old, cache.articleGeneration(key));
        assertThat(cache.article(key)).isEqualTo(old);
    }

    @Test
    void evictingOtherArticlesDoesNotKeepThisOneOutOfTheCache() {
        String key = PageCache.articleKey(PageCacheFilter.PAGE, "خبر-یک");
        long started = cache.articleGeneration(key);
        String other = "خبر-دو";
        assertThat(PageCache.stripe(key)).as("precondition: another stripe").isNotIn(
                PageCache.stripe(PageCache.articleKey(PageCacheFilter.PAGE, other)),
                PageCache.stripe(PageCache.articleKey(PageCacheFilter.JSON, other)));

        cache.evictArticle(other);
        cache.putArticle(key, old, started);

        assertThat(cache.article(key)).isEqualTo(old);
    }

    @Test
    void theSameArticleUnderAnArabicKeyboardSpellingIsTheSameEntry() {
        cache.putArticle(PageCache.articleKey(PageCacheFilter.JSON, "کتاب-ی"), old, 0);

        assertThat(cache.article(PageCacheFilter.articleKey("/api/articles/%D9%83%D8%AA%D8%A7%D8%A8-%D9%8A"))).isEqualTo(old);
        cache.evictArticle("كتاب-ي");
        assertThat(cache.article(PageCache.articleKey(PageCacheFilter.JSON, "کتاب-ی"))).isNull();
    }

    @Test
    void anArticleEventEmptiesTheListingsButNotOtherArticles() {
        String page = PageCache.articleKey(PageCacheFilter.PAGE, "دیگر");
        cache.putArticle(page, old, cache.articleGeneration(page));
        cache.putListing("/feed", old, cache.listingGeneration());

        cache.evictListings();

        assertThat(cache.listing("/feed")).isNull();
        assertThat(cache.article(page)).isEqualTo(old);
        assertThat(PageCacheFilter.articleKey("/api/articles/id/6650f1c2a1b2c3d4e5f60718")).as("staff-only: never cached").isNull();
    }

    @Test
    void newCountsAreWrittenIntoTheCachedAnswerAndARenderAlreadyRunningIsNotStoredOverThem() {
        String key = PageCache.articleKey(PageCacheFilter.JSON, "خبر");
        byte[] body = "{\"viewCount\":1,\"commentCount\":0,}".getBytes(StandardCharsets.UTF_8);
        CountSlots slots = CountSlots.find(CountSlots.Format.JSON, body, new Readership(1, 0));
        cache.putArticle(key, new CachedResponse("application/json", body, "a1", ETags.ofContent(body), slots),
                cache.articleGeneration(key));
        long renderStarted = cache.articleGeneration(key);

        cache.showCounts("خبر", new Readership(2, 1));
        cache.putArticle(key, new CachedResponse("application/json", body, "a1", ETags.ofContent(body), slots),
                renderStarted);

        CachedResponse written = cache.article(key);
        String expected = "{\"viewCount\":2,\"commentCount\":1,}";
        assertThat(new String(written.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(written.etag()).isEqualTo(ETags.ofContent(expected.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAnswerWhoseCountsCannotBeWrittenIsEvictedOnNewCounts() {
        String key = PageCache.articleKey(PageCacheFilter.PAGE, "خبر");
        cache.putArticle(key, old, cache.articleGeneration(key));

        cache.showCounts("خبر", new Readership(2, 1));

        assertThat(cache.article(key)).isNull();
    }
}
