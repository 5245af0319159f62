package ir.sarkhat.article.articles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ir.sarkhat.kit.events.OutboxEvent;

/**
 * The article aggregate. Its {@code outbox} holds the events a change caused until the relay has
 * handed them to Kafka; they are saved in the same single-document write as the change, and
 * {@code @Version} keeps two concurrent saves from dropping each other's events.
 */
@Document(Article.COLLECTION)
public class Article {

    public static final String COLLECTION = "articles";

    // An ObjectId in the database, its hex string in Java; a malformed id simply matches nothing.
    @Id
    private final String id;
    private final String slug;
    private final String title;
    private final String body;
    private final String bodyHtml;
    private final String excerpt;
    private final List<String> tags;
    private final String source;
    private final String author;
    private final int readingTimeMinutes;
    private final Instant createdAt;
    private ArticleStatus status;
    private Instant updatedAt;
    private Instant publishedAt;
    @Version
    private Long version;
    private List<OutboxEvent> outbox;

    @PersistenceCreator
    Article(String id, String slug, String title, String body, String bodyHtml, String excerpt, List<String> tags,
            String source, String author, int readingTimeMinutes, Instant createdAt, ArticleStatus status,
            Instant updatedAt, Instant publishedAt, Long version, List<OutboxEvent> outbox) {
        this.id = id;
        this.slug = slug;
        this.title = title;
        this.body = body;
        this.bodyHtml = bodyHtml;
        this.excerpt = excerpt;
        this.tags = tags == null ? List.of() : List.copyOf(tags);
        this.source = source;
        this.author = author;
        this.readingTimeMinutes = readingTimeMinutes;
        this.createdAt = createdAt;
        this.status = status;
        this.updatedAt = updatedAt;
        this.publishedAt = publishedAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /**
     * Makes the article visible to readers and records {@code published} as pending in the same write.
     *
     * @return false when it was already published: nothing changes and no second event is recorded
     */
    boolean publish(Instant now, java.util.function.Function<Article, OutboxEvent> published) {
        if (status == ArticleStatus.PUBLISHED) {
            return false;
        }
        status = ArticleStatus.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
        outbox.add(published.apply(this));
        return true;
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    public String id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public String bodyHtml() {
        return bodyHtml;
    }

    public String excerpt() {
        return excerpt;
    }

    public List<String> tags() {
        return tags;
    }

    public String source() {
        return source;
    }

    public String author() {
        return author;
    }

    public int readingTimeMinutes() {
        return readingTimeMinutes;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ArticleStatus status() {
        return status;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    List<OutboxEvent> outbox() {
        return List.copyOf(outbox);
    }
}
