package ir.sarkhat.article.articles;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The content of an article as one save left it. {@code number} is the article's version after that
 * save (its ETag then), so numbers grow but skip the saves that only changed the state.
 * {@code excerpt} is the manual excerpt, or null when it was derived from the body.
 */
@Document(Revision.COLLECTION)
public record Revision(@Id String id, String articleId, long number, Instant savedAt, String savedBy, String title,
        String slug, String body, String excerpt, List<String> tags, List<String> categories, String author,
        String source, boolean sticky, FeaturedImage featuredImage) {

    static final String COLLECTION = "revisions";

    static Revision of(Article article, String manualExcerpt, String savedBy) {
        return new Revision(article.id() + ":" + article.version(), article.id(), article.version(),
                article.updatedAt(), savedBy, article.title(), article.slug(), article.body(), manualExcerpt,
                article.tags(), article.categories(), article.author(), article.source(), article.sticky(),
                article.featuredImage());
    }

    /** The content to save again when this revision is restored. */
    ArticleContent content() {
        return new ArticleContent(title, slug, body, excerpt, tags, categories, author, source, sticky, featuredImage);
    }
}
