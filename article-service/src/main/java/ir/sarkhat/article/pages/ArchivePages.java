package ir.sarkhat.article.pages;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import ir.sarkhat.article.text.PersianText;

/** Tag, category (with its sub-categories) and author archives, newest first, cursor-paged. Unknown → Persian 404. */
@Controller
class ArchivePages {

    private final PageQueries queries;
    private final Site site;

    ArchivePages(PageQueries queries, Site site) {
        this.queries = queries;
        this.site = site;
    }

    @GetMapping("/tag/{tag}")
    ModelAndView tag(@PathVariable String tag, @RequestParam(required = false) String cursor) {
        String name = PersianText.normalizeLine(tag);
        if (name.isEmpty() || !queries.tagInUse(name)) {
            return ErrorPages.notFound(site, "هیچ خبری با برچسب «" + name + "» منتشر نشده است.");
        }
        return archive("برچسب: " + name, "خبرهای برچسب «" + name + "» در " + site.name() + ".", Site.tagPath(name),
                Listing.tag(name), cursor);
    }

    @GetMapping("/category/{slug}")
    ModelAndView category(@PathVariable String slug, @RequestParam(required = false) String cursor) {
        String key = PersianText.normalizeLine(slug);
        Map<String, Category> all = queries.categories();
        Category category = all.get(key);
        if (category == null) {
            return ErrorPages.notFound(site, "دسته‌ای با این نشانی وجود ندارد.");
        }
        Set<String> slugs = PageQueries.withDescendants(key, all);
        return archive("دسته: " + category.name(), "خبرهای دسته «" + category.name() + "» در " + site.name() + ".",
                Site.categoryPath(key), Listing.categories(slugs), cursor);
    }

    @GetMapping("/author/{username}")
    ModelAndView author(@PathVariable String username, @RequestParam(required = false) String cursor) {
        String name = PersianText.normalizeLine(username);
        if (name.isEmpty() || !queries.hasPublished(name)) {
            return ErrorPages.notFound(site, "نویسنده‌ای با این نام خبری منتشر نکرده است.");
        }
        return archive("نویسنده: " + name, "خبرهای " + name + " در " + site.name() + ".", Site.authorPath(name),
                Listing.author(name), cursor);
    }

    private ModelAndView archive(String heading, String description, String path, Listing listing, String cursor) {
        PageCursor.Position after;
        try {
            after = PageCursor.read(cursor);
        } catch (IllegalArgumentException e) {
            return ErrorPages.badCursor(site);
        }
        ModelAndView page = new ModelAndView("archive");
        page.addObject("meta", new PageMeta(heading + " | " + site.name(), description,
                site.url(after == null ? path : path + "?cursor=" + cursor), "website", null, null,
                site.url(listing.kind() == Listing.Kind.AUTHOR ? "/feed" : path + "/feed"), site.name()));
        page.addObject("heading", heading);
        page.addObject("latest", ListingPage.of(queries.latest(listing, after, ReaderPages.PAGE_SIZE + 1),
                ReaderPages.PAGE_SIZE, path));
        return page;
    }
}
