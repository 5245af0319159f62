package ir.sarkhat.article.articles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ir.sarkhat.kit.events.OutboxEvent;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * The article aggregate. Its {@code outbox} holds the events a change caused until the relay has
 * handed them to Kafka; they are saved in the same single-document write as the change, and
 * {@code @Version} keeps two concurrent saves from dropping each other's events (it is also the ETag).
 * Field names are shared with the search and pages features, which query this collection.
 */
@Document(Article.COLLECTION)
public class Article {

    public static final String COLLECTION = "articles";

    // An ObjectId in the database, its hex string in Java; a malformed id simply matches nothing.
    @Id
    private final String id;
    private String title;
    private String slug;
    private String body;
    private String bodyHtml;
    private String excerpt;
    private List<String> tags;
    private List<String> categories;
    private String author;
    private String source;
    private boolean sticky;
    private FeaturedImage featuredImage;
    private ArticleStatus status;
    private Instant publishAt;
    private Instant publishedAt;
    private Instant updatedAt;
    private final Instant createdAt;
    private int readingTimeMinutes;
    /** How {@code body} is written; null (older documents) means Markdown. */
    private BodyFormat bodyFormat;
    /** The post id in the WordPress site this article was imported from (unique), else null. */
    private Long wordpressId;
    @Version
    private Long version;
    private List<OutboxEvent> outbox;
    /** How many of the outbox events were already stored when this object was read; the rest are new. */
    @Transient
    private final int storedEvents;

    @PersistenceCreator
    Article(String id, String title, String slug, String body, String bodyHtml, String excerpt, List<String> tags,
            List<String> categories, String author, String source, Boolean sticky, FeaturedImage featuredImage,
            ArticleStatus status, Instant publishAt, Instant publishedAt, Instant updatedAt, Instant createdAt,
            Integer readingTimeMinutes, BodyFormat bodyFormat, Long wordpressId, Long version,
            List<OutboxEvent> outbox) {
        this.id = id;
        this.title = title;
        this.slug = slug;
        this.body = body;
        this.bodyHtml = bodyHtml;
        this.excerpt = excerpt;
        this.tags = tags == null ? List.of() : List.copyOf(tags);
        this.categories = categories == null ? List.of() : List.copyOf(categories);
        this.author = author;
        this.source = source;
        this.sticky = Boolean.TRUE.equals(sticky); // boxed: link queries read only a few fields
        this.featuredImage = featuredImage;
        this.status = status;
        this.publishAt = publishAt;
        this.publishedAt = publishedAt;
        this.updatedAt = updatedAt;
        this.createdAt = createdAt;
        this.readingTimeMinutes = readingTimeMinutes == null ? 0 : readingTimeMinutes;
        this.bodyFormat = bodyFormat;
        this.wordpressId = wordpressId;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
        this.storedEvents = this.outbox.size();
    }

    /** A new draft holding {@code content}. */
    static Article draft(String id, SavedContent content, Instant now) {
        Article article = new Article(id, null, null, null, null, null, null, null, null, null, false, null,
                ArticleStatus.DRAFT, null, null, now, now, 0, null, null, null, null);
        article.take(content);
        return article;
    }

    /**
     * An article brought over from WordPress, as a draft holding its HTML {@code content}, with the
     * post's own creation and modification times; the importer then publishes or schedules it.
     */
    static Article imported(String id, long wordpressId, SavedContent content, Instant createdAt, Instant modifiedAt,
            Instant publishedAt) {
        Article article = new Article(id, null, null, null, null, null, null, null, null, null, false, null,
                ArticleStatus.DRAFT, null, publishedAt, modifiedAt, createdAt, 0, BodyFormat.HTML, wordpressId, null,
                null);
        article.take(content);
        return article;
    }

    /** Replaces the editable content; the caller decides which event, if any, this edit causes. */
    void revise(SavedContent content, Instant now) {
        take(content);
        updatedAt = now;
    }

    private void take(SavedContent c) {
        title = c.title();
        slug = c.slug();
        body = c.body();
        bodyHtml = c.bodyHtml();
        excerpt = c.excerpt();
        tags = c.tags();
        categories = c.categories();
        author = c.author();
        source = c.source();
        sticky = c.sticky();
        featuredImage = c.featuredImage();
        readingTimeMinutes = c.readingTimeMinutes();
    }

    void record(OutboxEvent event) {
        outbox.add(event);
    }

    /**
     * Makes the article visible to readers and records {@code published} in the same write. The
     * first publication instant is kept when an unpublished article is published again.
     *
     * @return false when it was already published: nothing changes and no second event is recorded
     */
    boolean publish(Instant now, Function<Article, OutboxEvent> published) {
        if (status == ArticleStatus.PUBLISHED) {
            return false;
        }
        status = ArticleStatus.PUBLISHED;
        publishedAt = publishedAt == null ? now : publishedAt;
        publishAt = null;
        updatedAt = now;
        outbox.add(published.apply(this));
        return true;
    }

    /** Sets (or moves) the publication time; a published article must be unpublished first. */
    void schedule(Instant at, Instant now) {
        if (status == ArticleStatus.PUBLISHED) {
            throw illegal("scheduled", "Unpublish it or move it back to draft first.");
        }
        status = ArticleStatus.SCHEDULED;
        publishAt = at;
        updatedAt = now;
    }

    /** @return false when it was already unpublished (nothing changes, no second event) */
    boolean unpublish(Instant now, Function<Article, OutboxEvent> unpublished) {
        if (status == ArticleStatus.UNPUBLISHED) {
            return false;
        }
        if (status != ArticleStatus.PUBLISHED) {
            throw illegal("unpublished", "Only a published article can be unpublished; move it back to draft instead.");
        }
        status = ArticleStatus.UNPUBLISHED;
        updatedAt = now;
        outbox.add(unpublished.apply(this));
        return true;
    }

    /** Back to draft from any state; readers lose it only if it was published, and then the event says so. */
    boolean toDraft(Instant now, Function<Article, OutboxEvent> unpublished) {
        if (status == ArticleStatus.DRAFT) {
            return false;
        }
        if (status == ArticleStatus.PUBLISHED) {
            outbox.add(unpublished.apply(this));
        }
        status = ArticleStatus.DRAFT;
        publishAt = null;
        updatedAt = now;
        return true;
    }

    private ApiProblem illegal(String what, String hint) {
        return ApiProblem.conflict("An article in state " + status + " cannot be " + what + ". " + hint);
    }

    /** The editable content as an editor last saved it, for revisions and comparisons. */
    SavedContent content() {
        return new SavedContent(title, slug, body, bodyHtml, excerpt, tags, categories, author, source, sticky,
                featuredImage, readingTimeMinutes);
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    /** Whether it has ever been visible to readers (its URL may be known out there). */
    boolean wasEverPublished() {
        return publishedAt != null;
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

    public List<String> categories() {
        return categories;
    }

    public String source() {
        return source;
    }

    public String author() {
        return author;
    }

    public boolean sticky() {
        return sticky;
    }

    public FeaturedImage featuredImage() {
        return featuredImage;
    }

    public BodyFormat bodyFormat() {
        return bodyFormat == null ? BodyFormat.MARKDOWN : bodyFormat;
    }

    public Long wordpressId() {
        return wordpressId;
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

    public Instant publishAt() {
        return publishAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    /** Grows with every save; the ETag and the number of the revision a content save keeps. */
    public long version() {
        return version == null ? 0 : version;
    }

    List<OutboxEvent> outbox() {
        return List.copyOf(outbox);
    }

    /** Events this change added, not yet in the stored document. */
    List<OutboxEvent> newEvents() {
        return List.copyOf(outbox.subList(storedEvents, outbox.size()));
    }
}
