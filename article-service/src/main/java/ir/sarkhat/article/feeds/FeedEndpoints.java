package ir.sarkhat.article.feeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.article.pages.Category;
import ir.sarkhat.article.pages.PageArticle;
import ir.sarkhat.article.pages.PageQueries;
import ir.sarkhat.article.pages.Site;
import ir.sarkhat.article.text.PersianText;
import ir.sarkhat.kit.problem.ApiProblem;

/** Feeds and sitemaps at the paths WordPress uses, so migrated subscribers and search engines keep working. */
@RestController
class FeedEndpoints {

    static final int FEED_SIZE = 20;
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final PageQueries queries;
    private final Site site;
    private final Clock clock;

    FeedEndpoints(PageQueries queries, Site site, Clock clock) {
        this.queries = queries;
        this.site = site;
        this.clock = clock;
    }

    @GetMapping({ "/feed", "/feed/" })
    ResponseEntity<byte[]> rss() {
        return ok(RSS, FeedWriter.rss(site, siteChannel("/feed"), queries.latestForFeed(null, null, FEED_SIZE)));
    }

    @GetMapping("/feed/rss2")
    ResponseEntity<byte[]> rss2() {
        return ok(RSS, FeedWriter.rss(site, siteChannel("/feed/rss2"), queries.latestForFeed(null, null, FEED_SIZE)));
    }

    @GetMapping("/feed/atom")
    ResponseEntity<byte[]> atom() {
        return ok(ATOM, FeedWriter.atom(site, siteChannel("/feed/atom"), queries.latestForFeed(null, null, FEED_SIZE)));
    }

    @GetMapping("/tag/{tag}/feed")
    ResponseEntity<byte[]> tag(@PathVariable String tag) {
        String name = PersianText.normalizeLine(tag);
        if (name.isEmpty() || !queries.tagInUse(name)) {
            throw ApiProblem.notFound("No article has been published with the tag " + name + ".");
        }
        String page = Site.tagPath(name);
        FeedWriter.Channel channel = new FeedWriter.Channel(site.name() + " — برچسب: " + name,
                "تازه‌ترین خبرهای برچسب «" + name + "»", site.url(page), site.url(page + "/feed"));
        return ok(RSS, FeedWriter.rss(site, channel, queries.latestForFeed(name, null, FEED_SIZE)));
    }

    @GetMapping("/category/{slug}/feed")
    ResponseEntity<byte[]> category(@PathVariable String slug) {
        String key = PersianText.normalizeLine(slug);
        Map<String, Category> all = queries.categories();
        Category category = all.get(key);
        if (category == null) {
            throw ApiProblem.notFound("There is no category " + key + ".");
        }
        Set<String> withChildren = PageQueries.withDescendants(key, all);
        String page = Site.categoryPath(key);
        FeedWriter.Channel channel = new FeedWriter.Channel(site.name() + " — دسته: " + category.name(),
                "تازه‌ترین خبرهای دسته «" + category.name() + "»", site.url(page), site.url(page + "/feed"));
        return ok(RSS, FeedWriter.rss(site, channel, queries.latestForFeed(null, withChildren, FEED_SIZE)));
    }

    /** Home, every published article, and every tag, category and author archive that has one. */
    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> sitemap() {
        List<PageArticle> articles = queries.allPublished();
        Map<String, Category> categories = queries.categories();
        Map<String, Instant> archives = new LinkedHashMap<>();
        List<SitemapWriter.Entry> entries = new ArrayList<>();
        Instant newest = articles.stream().map(PageArticle::modifiedAt).max(Comparator.naturalOrder()).orElse(null);
        entries.add(new SitemapWriter.Entry(site.url("/"), newest));
        for (PageArticle a : articles) {
            entries.add(new SitemapWriter.Entry(site.url(Site.articlePath(a.slug())), a.modifiedAt()));
            a.tags().forEach(t -> archives.merge(Site.tagPath(t), a.modifiedAt(), FeedEndpoints::later));
            a.categories().forEach(c -> {
                // An article in a sub-category also appears on its parents' archive pages.
                for (String ancestor : ancestors(c, categories)) {
                    archives.merge(Site.categoryPath(ancestor), a.modifiedAt(), FeedEndpoints::later);
                }
            });
            if (a.author() != null) {
                archives.merge(Site.authorPath(a.author()), a.modifiedAt(), FeedEndpoints::later);
            }
        }
        archives.forEach((path, lastModified) -> entries.add(new SitemapWriter.Entry(site.url(path), lastModified)));
        return ok(XML, SitemapWriter.sitemap(entries));
    }

    @GetMapping("/news-sitemap.xml")
    ResponseEntity<byte[]> newsSitemap() {
        return ok(XML, SitemapWriter.news(site, queries.publishedSince(clock.instant().minus(NEWS_WINDOW))));
    }

    private FeedWriter.Channel siteChannel(String selfPath) {
        return new FeedWriter.Channel(site.name(), "تازه‌ترین خبرهای " + site.name(), site.url("/"), site.url(selfPath));
    }

    /** The category and its ancestors that exist in {@code categories}; a category that is not there is skipped. */
    private static List<String> ancestors(String slug, Map<String, Category> categories) {
        List<String> chain = new ArrayList<>();
        String current = slug;
        while (current != null && categories.containsKey(current) && !chain.contains(current)) {
            chain.add(current);
            current = categories.get(current).parent();
        }
        return chain;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static ResponseEntity<byte[]> ok(MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type).body(body);
    }
}
