package ir.sarkhat.article.articles;

/**
 * Filters of the public listing; null means "any". They combine: every given one must match.
 * {@code category} matches the category and all its descendants.
 */
public record ArticleFilter(String tag, String category, String author, Boolean sticky) {

    public static final ArticleFilter NONE = new ArticleFilter(null, null, null, null);
}
