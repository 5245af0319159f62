package ir.sarkhat.article.articles;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BiPredicate;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import ir.sarkhat.kit.problem.ApiProblem;

/**
 * State changes: schedule, publish now, unpublish, back to draft. Each is one document write that
 * also queues its event; repeating a change that is already in effect answers 200 and emits nothing.
 * Illegal changes (unpublishing a draft, scheduling a published article) answer 409.
 */
@Service
public class ArticleWorkflow {

    private final Articles articles;
    private final ArticleEvents events;
    private final Clock clock;

    ArticleWorkflow(Articles articles, ArticleEvents events, Clock clock) {
        this.articles = articles;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes at {@code at}, which must lie in the future; the scheduler does the rest. */
    public Article schedule(String id, Instant at, Long expectedVersion) {
        Instant now = now();
        if (!at.isAfter(now)) {
            throw ApiProblem.badRequest("publishAt: must be in the future (it is now " + now + ").");
        }
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        return change(id, expectedVersion, (article, t) -> {
            article.schedule(when, t);
            return true;
        });
    }

    public Article publish(String id, Long expectedVersion) {
        return change(id, expectedVersion, (article, t) -> article.publish(t, events.published()));
    }

    public Article unpublish(String id, Long expectedVersion) {
        return change(id, expectedVersion, (article, t) -> article.unpublish(t, events.unpublished(t)));
    }

    public Article toDraft(String id, Long expectedVersion) {
        return change(id, expectedVersion, (article, t) -> article.toDraft(t, events.unpublished(t)));
    }

    /**
     * Loads, applies and saves. Without If-Match a lost race (e.g. the scheduler published it
     * meanwhile) is retried once on the fresh document, where a repeated change is a no-op.
     */
    private Article change(String id, Long expectedVersion, BiPredicate<Article, Instant> transition) {
        for (int attempt = 1; ; attempt++) {
            Article article = articles.byId(id)
                    .orElseThrow(() -> ApiProblem.notFound("There is no article with id " + id + "."));
            Preconditions.check(article, expectedVersion);
            int before = article.outbox().size();
            if (!transition.test(article, now())) {
                return article;
            }
            try {
                Article saved = articles.save(article);
                if (saved.outbox().size() > before) {
                    events.sendSoon();
                }
                return saved;
            } catch (OptimisticLockingFailureException lostRace) {
                if (expectedVersion != null) {
                    throw Preconditions.stale(null);
                }
                if (attempt == 2) {
                    throw lostRace;
                }
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
