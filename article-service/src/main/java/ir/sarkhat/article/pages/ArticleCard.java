package ir.sarkhat.article.pages;

import ir.sarkhat.article.text.PersianDates;

/** One article in a list: link, title, Jalali date (Persian digits), reading time, excerpt, picture. */
record ArticleCard(String href, String title, String excerpt, String publishedAtIso, String publishedAtJalali,
        String readingTime, PageArticle.FeaturedImage image, String views) {

    static ArticleCard of(PageArticle a) {
        return of(a, null);
    }

    static ArticleCard of(PageArticle a, Long views) {
        return new ArticleCard(Site.articlePath(a.slug()), a.title(), a.excerpt(), a.publishedAt().toString(),
                PersianDates.jalali(a.publishedAt()), ArticlePageModel.readingTime(a.readingTimeMinutes()),
                a.featuredImage(), views == null ? null : PersianDates.number(views) + " بازدید");
    }
}
