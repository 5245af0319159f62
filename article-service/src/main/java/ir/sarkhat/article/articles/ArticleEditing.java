package ir.sarkhat.article.articles;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import ir.sarkhat.article.categories.Categories;
import ir.sarkhat.article.text.HtmlBody;
import ir.sarkhat.article.text.MarkdownBody;
import ir.sarkhat.article.text.PersianText;
import ir.sarkhat.article.text.ReadingTime;
import ir.sarkhat.article.text.Slugs;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Editors' content saves: a new draft, an edit, a restored revision. Each save normalizes and
 * renders the content once, keeps a revision, and — when the article is published — queues
 * {@code ArticleUpdated} in the same write. A save that changes nothing writes nothing.
 */
@Service
public class ArticleEditing {

    /** Bodies are limited here, not by the request size limit, so the answer names the field. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int MAX_SLUG_ATTEMPTS = 100;

    private final Articles articles;
    private final SlugHistory slugHistory;
    private final Revisions revisions;
    private final Categories categories;
    private final ArticleEvents events;
    private final Clock clock;
    private final ReadingTime readingTime;

    ArticleEditing(Articles articles, SlugHistory slugHistory, Revisions revisions, Categories categories,
            ArticleEvents events, Clock clock,
            @Value("${sarkhat.articles.reading-words-per-minute:" + ReadingTime.DEFAULT_WORDS_PER_MINUTE + "}")
            int wordsPerMinute) {
        this.articles = articles;
        this.slugHistory = slugHistory;
        this.revisions = revisions;
        this.categories = categories;
        this.events = events;
        this.clock = clock;
        this.readingTime = new ReadingTime(wordsPerMinute);
    }

    /** A new draft under its explicit slug, or the first free slug for its title. */
    public Article create(ArticleContent input, Editor editor) {
        Instant now = now();
        String id = new ObjectId().toHexString();
        if (input.slug() != null && !input.slug().isBlank()) {
            SavedContent content = prepare(input, null, explicitSlug(input.slug(), id), editor);
            try {
                Article saved = insert(Article.draft(id, content, now), input, editor);
                slugHistory.forget(saved.slug());
                return saved;
            } catch (DuplicateKeyException takenMeanwhile) {
                throw slugClash(content.slug());
            }
        }
        SavedContent base = prepare(input, null, null, editor);
        String baseSlug = Slugs.of(base.title());
        for (int n = 1; n <= MAX_SLUG_ATTEMPTS; n++) {
            String slug = Slugs.numbered(baseSlug, n);
            if (slugUnavailable(slug)) {
                continue;
            }
            try {
                return insert(Article.draft(id, withSlug(base, slug), now), input, editor);
            } catch (DuplicateKeyException takenMeanwhile) {
                // Another editor took this slug between the check and the insert: try the next number.
            }
        }
        throw ApiProblem.conflict("There are too many articles with this title. Change the title a little and try again.");
    }

    private Article insert(Article draft, ArticleContent input, Editor editor) {
        Article saved = articles.save(draft);
        revisions.keep(Revision.of(saved, manualExcerpt(input, saved), editor.username()));
        return saved;
    }

    /**
     * Replaces the article's content. {@code expectedVersion} is the version from the editor's
     * If-Match; a stale one (or a save that lost a race) changes nothing and answers 412.
     */
    public Article update(String id, long expectedVersion, ArticleContent input, Editor editor) {
        Article article = load(id);
        Preconditions.check(article, expectedVersion);
        String slug = slugFor(article, input);
        SavedContent content = prepare(input, article, slug, editor);
        if (content.equals(article.content())) {
            return article;
        }
        String previousSlug = article.slug();
        article.revise(content, now());
        boolean slugChanged = !previousSlug.equals(article.slug());
        if (article.isPublished()) {
            article.record(events.updated(article, slugChanged ? previousSlug : null));
        }
        Article saved;
        try {
            saved = articles.save(article);
        } catch (OptimisticLockingFailureException lostRace) {
            throw Preconditions.stale(null);
        } catch (DuplicateKeyException slugTakenMeanwhile) {
            throw slugClash(article.slug());
        }
        if (slugChanged) {
            slugHistory.forget(saved.slug());
            if (saved.wasEverPublished()) {
                slugHistory.remember(previousSlug, saved.id());
            }
        }
        revisions.keep(Revision.of(saved, manualExcerpt(input, saved), editor.username()));
        if (saved.isPublished()) {
            events.sendSoon();
        }
        return saved;
    }

    /** Saves revision {@code number}'s content again: a new save with its own revision and events. */
    public Article restore(String id, long number, long expectedVersion, Editor restoring) {
        Revision revision = revisions.of(id, number).orElseThrow(() -> ApiProblem.notFound(
                "Article " + id + " has no revision " + number + " (only the last " + Revisions.KEPT + " are kept)."));
        // The author is part of the revision; restoring it is not an author change by this editor.
        return update(id, expectedVersion, revision.content(), new Editor(restoring.username(), true));
    }

    Article load(String id) {
        return articles.byId(id).orElseThrow(() -> ApiProblem.notFound("There is no article with id " + id + "."));
    }

    /**
     * The slug after this edit: an explicit one as given (normalized); else, until the article is
     * first published, the title's slug follows the title; after that the public URL stays.
     */
    private String slugFor(Article article, ArticleContent input) {
        if (input.slug() != null && !input.slug().isBlank()) {
            return explicitSlug(input.slug(), article.id());
        }
        String title = PersianText.normalizeLine(input.title());
        if (article.wasEverPublished() || title == null || title.equals(article.title())) {
            return article.slug();
        }
        String baseSlug = Slugs.of(title);
        for (int n = 1; n <= MAX_SLUG_ATTEMPTS; n++) {
            String slug = Slugs.numbered(baseSlug, n);
            if (slug.equals(article.slug()) || !slugUnavailable(slug)) {
                return slug;
            }
        }
        return article.slug();
    }

    private String explicitSlug(String requested, String articleId) {
        String slug = Slugs.of(requested);
        articles.bySlug(slug).filter(other -> !other.id().equals(articleId)).ifPresent(other -> {
            throw slugClash(slug);
        });
        return slug;
    }

    private boolean slugUnavailable(String slug) {
        return articles.slugTaken(slug) || slugHistory.contains(slug);
    }

    private static ApiProblem slugClash(String slug) {
        return ApiProblem.conflict("slug: '" + slug + "' is already the address of another article. Choose another slug.");
    }

    /** Normalizes (NFC, Persian ی/ک, ZWNJ kept), validates and renders what the editor sent. */
    private SavedContent prepare(ArticleContent input, Article current, String slug, Editor editor) {
        String title = PersianText.normalizeLine(input.title());
        if (title == null || title.isEmpty()) {
            throw ApiProblem.badRequest("title: must not be blank");
        }
        if (title.length() > 255) {
            throw ApiProblem.badRequest("title: must be at most 255 characters");
        }
        String body = PersianText.normalize(input.body());
        if (body == null || body.isBlank()) {
            throw ApiProblem.badRequest("body: must not be blank");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Body too large",
                    "body: the article text is larger than 1 MB (" + MAX_BODY_BYTES
                            + " bytes in UTF-8). Split it into several articles.");
        }
        // Imported WordPress articles stay HTML when edited; everything else is Markdown.
        MarkdownBody.Rendered rendered = current != null && current.bodyFormat() == BodyFormat.HTML
                ? HtmlBody.render(body) : MarkdownBody.render(body);
        String manualExcerpt = PersianText.normalize(input.excerpt());
        String excerpt = manualExcerpt == null || manualExcerpt.isBlank() ? rendered.excerpt() : manualExcerpt.strip();
        String source = emptyToNull(PersianText.normalizeLine(input.source()));
        return new SavedContent(title, slug, body, rendered.html(), excerpt, tags(input.tags()),
                categories.requireExisting(input.categories()), author(input.author(), current, editor), source,
                input.sticky(), featuredImage(input.featuredImage()),
                readingTime.minutes(rendered.plainText(), rendered.images()));
    }

    private static String author(String requested, Article current, Editor editor) {
        String existing = current == null ? editor.username() : current.author();
        String author = emptyToNull(PersianText.normalizeLine(requested));
        if (author == null || author.equals(existing)) {
            return existing;
        }
        if (!editor.admin()) {
            throw ApiProblem.forbidden("author: only an admin can set or change an article's author.");
        }
        return author;
    }

    private static FeaturedImage featuredImage(FeaturedImage image) {
        if (image == null || image.url() == null || image.url().isBlank()) {
            return null;
        }
        String url = image.url().strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ApiProblem.badRequest("featuredImage.url: must be an absolute http or https URL.");
            }
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest("featuredImage.url: is not a valid URL.");
        }
        String alt = PersianText.normalizeLine(image.alt());
        if (alt == null || alt.isEmpty()) {
            throw ApiProblem.badRequest("featuredImage.alt: describe the image; it is required when a url is given.");
        }
        return new FeaturedImage(url, alt);
    }

    static List<String> tags(List<String> tags) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        tags.stream().filter(Objects::nonNull).map(PersianText::normalizeLine).filter(t -> !t.isEmpty())
                .forEach(distinct::add);
        return List.copyOf(distinct);
    }

    private static SavedContent withSlug(SavedContent c, String slug) {
        return new SavedContent(c.title(), slug, c.body(), c.bodyHtml(), c.excerpt(), c.tags(), c.categories(),
                c.author(), c.source(), c.sticky(), c.featuredImage(), c.readingTimeMinutes());
    }

    /** The excerpt the editor wrote, or null when it is derived from the body. */
    private static String manualExcerpt(ArticleContent input, Article saved) {
        return input.excerpt() == null || input.excerpt().isBlank() ? null : saved.excerpt();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // MongoDB keeps milliseconds: what we return and emit must equal what a later read gives.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
