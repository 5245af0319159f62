package ir.sarkhat.article.articles;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.bson.types.ObjectId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import ir.sarkhat.article.text.MarkdownBody;
import ir.sarkhat.article.text.PersianText;
import ir.sarkhat.article.text.ReadingTime;
import ir.sarkhat.article.text.Slugs;
import ir.sarkhat.kit.events.OutboxEvents;
import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.problem.ApiProblem;

/** Editors' use cases: write a draft, publish it. */
@Service
public class ArticleEditing {

    private static final int MAX_SLUG_ATTEMPTS = 100;

    private final Articles articles;
    private final OutboxEvents outboxEvents;
    private final OutboxRelay outboxRelay;
    private final Clock clock;
    private final ReadingTime readingTime;

    ArticleEditing(Articles articles, OutboxEvents outboxEvents, OutboxRelay outboxRelay, Clock clock,
            @Value("${sarkhat.articles.reading-words-per-minute:" + ReadingTime.DEFAULT_WORDS_PER_MINUTE + "}")
            int wordsPerMinute) {
        this.articles = articles;
        this.outboxEvents = outboxEvents;
        this.outboxRelay = outboxRelay;
        this.clock = clock;
        this.readingTime = new ReadingTime(wordsPerMinute);
    }

    /** Normalizes and renders the draft once, and stores it under the first free slug for its title. */
    public Article create(ArticleDraft draft, String author) {
        String title = PersianText.normalizeLine(draft.title());
        String body = PersianText.normalize(draft.body());
        if (title == null || title.isEmpty()) {
            throw ApiProblem.badRequest("title: must not be blank");
        }
        if (body == null || body.isBlank()) {
            throw ApiProblem.badRequest("body: must not be blank");
        }
        String source = PersianText.normalizeLine(draft.source());
        MarkdownBody.Rendered rendered = MarkdownBody.render(body);
        Instant now = now();
        String baseSlug = Slugs.of(title);
        for (int n = 1; n <= MAX_SLUG_ATTEMPTS; n++) {
            String slug = Slugs.numbered(baseSlug, n);
            if (articles.slugTaken(slug)) {
                continue;
            }
            Article article = new Article(new ObjectId().toHexString(), slug, title, body, rendered.html(),
                    rendered.excerpt(), tags(draft.tags()), source == null || source.isEmpty() ? null : source,
                    author, readingTime.minutes(rendered.plainText(), rendered.images()), now,
                    ArticleStatus.DRAFT, now, null, null, null);
            try {
                return articles.save(article);
            } catch (DuplicateKeyException takenMeanwhile) {
                // Another editor took this slug between the check and the insert: try the next number.
            }
        }
        throw ApiProblem.conflict("There are too many articles with this title. Change the title a little and try again.");
    }

    /** Publishes a draft; an already published article is returned unchanged and emits nothing. */
    public Article publish(String id) {
        Article article = articles.byId(id).orElseThrow(() -> ApiProblem.notFound("There is no article with id " + id + "."));
        boolean changed = article.publish(now(), published -> outboxEvents.create(ArticlePublished.TOPIC,
                ArticlePublished.TYPE, published.id(), ArticlePublished.of(published)));
        if (!changed) {
            return article;
        }
        Article saved = articles.save(article);
        outboxRelay.wakeUp();
        return saved;
    }

    private static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        tags.stream().filter(Objects::nonNull).map(PersianText::normalizeLine).filter(t -> !t.isEmpty())
                .forEach(distinct::add);
        return List.copyOf(distinct);
    }

    // MongoDB keeps milliseconds: what we return and emit must equal what a later read gives.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
