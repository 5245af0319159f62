package ir.sarkhat.article.articles;

/**
 * How an article's {@code body} is written. Editors write Markdown; articles imported from WordPress
 * keep their (sanitized) HTML, and later edits of them stay HTML, so nothing is converted twice.
 */
public enum BodyFormat {
    MARKDOWN,
    HTML
}
