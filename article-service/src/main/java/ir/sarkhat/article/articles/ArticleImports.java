package ir.sarkhat.article.articles;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import ir.sarkhat.article.categories.Categories;
import ir.sarkhat.article.text.HtmlBody;
import ir.sarkhat.article.text.MarkdownBody;
import ir.sarkhat.article.text.PersianText;
import ir.sarkhat.article.text.ReadingTime;
import ir.sarkhat.article.text.Slugs;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Articles that come from another system (a WordPress import) and go back out (the export). An
 * imported post is written through the aggregate like an editor's save: one insert holding the
 * article, its {@code ArticlePublished} in the outbox and a revision. The WordPress post id is
 * stored under a unique index, so importing a post again finds it and writes and emits nothing.
 */
@Service
public class ArticleImports {

    /** The title of a post that had none (WordPress allows that; we do not). */
    static final String UNTITLED = "(بدون عنوان)";

    private final Articles articles;
    private final SlugHistory slugHistory;
    private final Revisions revisions;
    private final Categories categories;
    private final ArticleEvents events;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ReadingTime readingTime;

    ArticleImports(Articles articles, SlugHistory slugHistory, Revisions revisions, Categories categories,
            ArticleEvents events, MongoTemplate mongo, Clock clock,
            @Value("${sarkhat.articles.reading-words-per-minute:" + ReadingTime.DEFAULT_WORDS_PER_MINUTE + "}")
            int wordsPerMinute) {
        this.articles = articles;
        this.slugHistory = slugHistory;
        this.revisions = revisions;
        this.categories = categories;
        this.events = events;
        this.mongo = mongo;
        this.clock = clock;
        this.readingTime = new ReadingTime(wordsPerMinute);
    }

    /** What importing one post did. */
    public record Outcome(String articleId, String slug, boolean created) {
    }

    /**
     * Imports the post unless it was imported before.
     *
     * @throws ApiProblem 409 when its slug is the address of another article, 400 when it is unusable
     */
    public Outcome importPost(ImportedPost post) {
        Optional<Article> existing = byWordpressId(post.wordpressId());
        if (existing.isPresent()) {
            return new Outcome(existing.get().id(), existing.get().slug(), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String title = PersianText.normalizeLine(post.title());
        title = title == null || title.isEmpty() ? UNTITLED : title;
        if (title.length() > 255) {
            title = title.substring(0, 255);
        }
        String slug = slugFor(post, title);
        String html = Objects.requireNonNullElse(PersianText.normalize(post.html()), "");
        MarkdownBody.Rendered rendered = HtmlBody.render(html);
        String manual = PersianText.normalize(post.excerpt());
        String excerpt = manual == null || manual.isBlank() ? rendered.excerpt() : manual.strip();
        String author = PersianText.normalizeLine(post.author());
        SavedContent content = new SavedContent(title, slug, html, rendered.html(), excerpt, ArticleEditing.tags(post.tags()),
                categories.requireExisting(post.categories()), author == null || author.isEmpty() ? null : author,
                null, post.sticky(), post.featuredImage(), readingTime.minutes(rendered.plainText(), rendered.images()));
        Instant created = orNow(post.createdAt(), now);
        Instant modified = orNow(post.modifiedAt(), created);
        Instant published = post.status() == ArticleStatus.PUBLISHED ? orNow(post.publishedAt(), created) : null;
        Article article = Article.imported(new ObjectId().toHexString(), post.wordpressId(), content, created,
                modified, published);
        if (post.status() == ArticleStatus.PUBLISHED) {
            article.publish(modified, events.published());
        } else if (post.status() == ArticleStatus.SCHEDULED && post.publishedAt() != null
                && post.publishedAt().isAfter(now)) {
            article.schedule(post.publishedAt().truncatedTo(ChronoUnit.MILLIS), modified);
        }
        Article saved;
        try {
            saved = articles.save(article);
        } catch (DuplicateKeyException clash) {
            // Either another import of the same post won the race, or the slug belongs to someone else.
            Optional<Article> raced = byWordpressId(post.wordpressId());
            if (raced.isPresent()) {
                return new Outcome(raced.get().id(), raced.get().slug(), false);
            }
            throw slugTaken(slug);
        }
        slugHistory.forget(saved.slug());
        revisions.keep(Revision.of(saved, manual == null || manual.isBlank() ? null : saved.excerpt(),
                saved.author() == null ? "wordpress-import" : saved.author()));
        if (saved.isPublished()) {
            events.sendSoon();
        }
        return new Outcome(saved.id(), saved.slug(), true);
    }

    /** The article imported from this WordPress post id, in any state. */
    public Optional<Article> byWordpressId(long wordpressId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("wordpressId").is(wordpressId)),
                Article.class));
    }

    /** Every article, oldest first, one at a time (a cursor, not a list): for the export. */
    public void forEach(Consumer<Article> action) {
        Query all = new Query().with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id")));
        try (var stream = mongo.stream(all, Article.class)) {
            stream.forEach(action);
        }
    }

    /** Distinct values of an article field (author, tags) across all articles, sorted: for the export's header. */
    public List<String> distinct(String field) {
        if (!field.equals("author") && !field.equals("tags")) {
            throw new IllegalArgumentException(field);
        }
        return mongo.findDistinct(new Query(), field, Article.class, String.class).stream()
                .filter(Objects::nonNull).sorted().toList();
    }

    /**
     * The post's slug exactly as WordPress had it (decoded, NFC); a post without one (a draft) gets
     * one from its title like an editor's new article.
     */
    private String slugFor(ImportedPost post, String title) {
        String given = PersianText.normalizeLine(post.slug());
        if (given != null && !given.isEmpty()) {
            articles.bySlug(given).ifPresent(other -> {
                throw slugTaken(given);
            });
            return given;
        }
        String base = Slugs.of(title);
        for (int n = 1; n <= 100; n++) {
            String candidate = Slugs.numbered(base, n);
            if (!articles.slugTaken(candidate) && !slugHistory.contains(candidate)) {
                return candidate;
            }
        }
        throw ApiProblem.conflict("slug: too many articles are titled '" + title + "'.");
    }

    private static ApiProblem slugTaken(String slug) {
        return ApiProblem.conflict("slug: '" + slug + "' is already the address of another article.");
    }

    private static Instant orNow(Instant instant, Instant fallback) {
        return instant == null ? fallback : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
