package ir.sarkhat.article.pages;

/**
 * The head of a page: title, description, the absolute canonical URL and OpenGraph data; JSON-LD
 * (already escaped for a script element) on article pages only; the feed a reader may subscribe to.
 */
record PageMeta(String title, String description, String canonical, String ogType, String ogImage, String jsonLd,
        String feedUrl, String siteName) {
}
