package ir.sarkhat.article.pages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import ir.sarkhat.article.comments.PublicComments;
import ir.sarkhat.article.stats.ArticleStatsStore;
import ir.sarkhat.article.stats.Readership;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The home page and the article page: server-rendered, they work without JavaScript. */
@Controller
class ReaderPages {

    /** The gateway removes this header and counts one view of the article. */
    static final String ARTICLE_ID_HEADER = "X-Sarkhat-Article-Id";
    static final int PAGE_SIZE = 20;
    private static final int STICKY_LIMIT = 5;
    private static final int MOST_VIEWED_LIMIT = 5;
    private static final int RELATED_LIMIT = 5;

    private final PageQueries queries;
    private final ArticleStatsStore stats;
    private final Site site;
    private final PublicComments comments;

    ReaderPages(PageQueries queries, ArticleStatsStore stats, Site site, PublicComments comments) {
        this.queries = queries;
        this.stats = stats;
        this.site = site;
        this.comments = comments;
    }

    @GetMapping("/")
    ModelAndView home(@RequestParam(required = false) String cursor) {
        PageCursor.Position after;
        try {
            after = PageCursor.read(cursor);
        } catch (IllegalArgumentException e) {
            return ErrorPages.badCursor(site);
        }
        ModelAndView page = new ModelAndView("home");
        boolean first = after == null;
        page.addObject("meta", new PageMeta(site.name() + " — تازه‌ترین خبرها",
                "تازه‌ترین خبرهای " + site.name() + "، با تاریخ شمسی و متن کامل فارسی.",
                site.url(first ? "/" : "/?cursor=" + cursor), "website", null, null, site.url("/feed"), site.name()));
        page.addObject("sticky", first ? queries.sticky(STICKY_LIMIT).stream().map(ArticleCard::of).toList() : List.of());
        page.addObject("latest", ListingPage.of(queries.latest(Listing.home(), after, PAGE_SIZE + 1), PAGE_SIZE, "/"));
        page.addObject("mostViewed", queries.mostViewed(MOST_VIEWED_LIMIT).stream()
                .map(v -> ArticleCard.of(v.article(), v.views())).toList());
        return page;
    }

    @GetMapping("/articles/{slug}")
    Object article(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) {
        Optional<PageArticle> found = queries.bySlug(slug);
        if (found.isEmpty()) {
            // A renamed article: its old address answers 301 to the new one.
            Optional<String> renamed = queries.renamedTo(slug);
            if (renamed.isPresent()) {
                RedirectView moved = new RedirectView(Site.articlePath(renamed.get()));
                moved.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
                moved.setExposeModelAttributes(false);
                return moved;
            }
            return ErrorPages.notFound(site, "خبری با این نشانی منتشر نشده است. شاید نشانی اشتباه است یا خبر هنوز منتشر نشده.");
        }
        PageArticle a = found.get();
        response.setHeader(ARTICLE_ID_HEADER, a.id());
        String canonical = site.url(Site.articlePath(a.slug()));
        Readership readership = stats.of(a.id());
        request.setAttribute(Readership.SHOWN, readership);
        Map<String, Category> categories = queries.categories();
        ModelAndView page = new ModelAndView("article");
        page.addObject("meta", new PageMeta(a.title() + " | " + site.name(), a.excerpt(), canonical, "article",
                a.featuredImage() == null ? null : a.featuredImage().url(), JsonLd.newsArticle(a, site, canonical),
                site.url("/feed"), site.name()));
        page.addObject("article", ArticlePageModel.of(a, readership, categories, ShareLinks.of(a.title(), canonical),
                queries.related(a, RELATED_LIMIT).stream().map(ArticleCard::of).toList(),
                queries.previous(a).map(ArticleCard::of).orElse(null),
                queries.next(a).map(ArticleCard::of).orElse(null)));
        page.addObject("comments", comments.sectionFor(a.id()));
        return page;
    }
}
