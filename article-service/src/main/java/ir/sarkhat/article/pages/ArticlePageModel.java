package ir.sarkhat.article.pages;

import java.util.List;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleView;
import ir.sarkhat.article.text.PersianDates;

/** What the templates show, already formatted for Persian readers (Jalali dates, Persian digits). */
record ArticlePageModel(String id, String slug, String title, String bodyHtml, String excerpt, List<String> tags,
        String source, String publishedAtIso, String publishedAtJalali, String views, String readingTime,
        String comments) {

    static ArticlePageModel of(ArticleView view) {
        Article a = view.article();
        return new ArticlePageModel(a.id(), a.slug(), a.title(), a.bodyHtml(), a.excerpt(), a.tags(), a.source(),
                a.publishedAt().toString(), PersianDates.jalali(a.publishedAt()),
                PersianDates.number(view.readership().views()) + " بازدید",
                "زمان مطالعه: " + PersianDates.number(a.readingTimeMinutes()) + " دقیقه",
                PersianDates.number(view.readership().comments()) + " دیدگاه");
    }
}
