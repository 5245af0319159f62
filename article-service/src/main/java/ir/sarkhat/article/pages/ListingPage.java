package ir.sarkhat.article.pages;

import java.util.List;

/** One page of a listing: its cards, and the «خبرهای بیشتر» link to the next page (null on the last). */
record ListingPage(List<ArticleCard> cards, String moreHref) {

    static ListingPage of(List<PageArticle> found, int limit, String path) {
        List<PageArticle> shown = found.subList(0, Math.min(limit, found.size()));
        String more = found.size() > limit ? path + "?cursor=" + PageCursor.after(shown.get(shown.size() - 1)) : null;
        return new ListingPage(shown.stream().map(ArticleCard::of).toList(), more);
    }
}
