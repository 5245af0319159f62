package ir.sarkhat.article.articles;

import java.util.List;

/** Editable content after normalization and rendering: exactly what is stored on the article. */
record SavedContent(String title, String slug, String body, String bodyHtml, String excerpt, List<String> tags,
        List<String> categories, String author, String source, boolean sticky, FeaturedImage featuredImage,
        int readingTimeMinutes) {
}
