package ir.sarkhat.article.articles;

/**
 * Where an article is in its life: {@code DRAFT → SCHEDULED → PUBLISHED → UNPUBLISHED}, and back to
 * {@code DRAFT} from any of the later ones. Only {@code PUBLISHED} is visible to readers.
 */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED
}
