package ir.sarkhat.article.pages;

import java.util.List;
import java.util.Map;

import ir.sarkhat.article.stats.Readership;
import ir.sarkhat.article.text.PersianDates;

/** What the article template shows, already formatted for Persian readers (Jalali dates, Persian digits). */
record ArticlePageModel(String id, String slug, String title, String bodyHtml, String excerpt, List<Link> tags,
        List<Link> categories, String source, Link author, PageArticle.FeaturedImage image, String publishedAtIso,
        String publishedAtJalali, String updatedAtIso, String updatedAtJalali, String views, String readingTime,
        String comments, List<Link> share, List<ArticleCard> related, ArticleCard previous, ArticleCard next) {

    static ArticlePageModel of(PageArticle a, Readership readership, Map<String, Category> categories,
            List<Link> share, List<ArticleCard> related, ArticleCard previous, ArticleCard next) {
        boolean edited = !a.modifiedAt().equals(a.publishedAt());
        return new ArticlePageModel(a.id(), a.slug(), a.title(), a.bodyHtml(), a.excerpt(),
                a.tags().stream().map(t -> new Link(t, Site.tagPath(t))).toList(),
                a.categories().stream().map(c -> new Link(categories.containsKey(c) ? categories.get(c).name() : c,
                        Site.categoryPath(c))).toList(),
                a.source(), a.author() == null ? null : new Link(a.author(), Site.authorPath(a.author())),
                a.featuredImage(), a.publishedAt().toString(), PersianDates.jalali(a.publishedAt()),
                edited ? a.modifiedAt().toString() : null, edited ? PersianDates.jalali(a.modifiedAt()) : null,
                readership.viewsText(), readingTime(a.readingTimeMinutes()),
                readership.commentsText(), share, related, previous, next);
    }

    static String readingTime(int minutes) {
        return "زمان مطالعه: " + PersianDates.number(Math.max(1, minutes)) + " دقیقه";
    }
}
