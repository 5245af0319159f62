package ir.sarkhat.article.articles;

/** Where an article is in its life. Issue #3 adds review states between the two. */
public enum ArticleStatus {
    DRAFT, PUBLISHED
}
