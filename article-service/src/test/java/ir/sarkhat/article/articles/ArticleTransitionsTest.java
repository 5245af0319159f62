package ir.sarkhat.article.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ir.sarkhat.kit.events.OutboxEvent;
import ir.sarkhat.kit.problem.ApiProblem;

/** The state machine of one article: what each change does from each state, and which event it queues. */
class ArticleTransitionsTest {

    private static final Instant T0 = Instant.parse("2026-03-20T08:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Function<Article, OutboxEvent> PUBLISHED = a -> event("published");
    private static final Function<Article, OutboxEvent> UNPUBLISHED = a -> event("unpublished");

    @Test
    void aDraftCanBeScheduledOrPublishedButNotUnpublished() {
        Article draft = article();
        assertConflict(() -> draft.unpublish(T1, UNPUBLISHED));
        assertThat(draft.toDraft(T1, UNPUBLISHED)).isFalse();
        draft.schedule(T1, T0);
        assertThat(draft.status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(draft.publishAt()).isEqualTo(T1);
        assertThat(draft.outbox()).isEmpty();
    }

    @Test
    void publishingQueuesOneEventAndRepeatingItNone() {
        Article article = article();
        assertThat(article.publish(T0, PUBLISHED)).isTrue();
        assertThat(article.publish(T1, PUBLISHED)).isFalse();
        assertThat(article.publishedAt()).isEqualTo(T0);
        assertThat(types(article)).containsExactly("published");
        assertConflict(() -> article.schedule(T1.plusSeconds(60), T1));
    }

    @Test
    void unpublishingKeepsTheFirstPublicationAndIsIdempotent() {
        Article article = article();
        article.publish(T0, PUBLISHED);
        assertThat(article.unpublish(T1, UNPUBLISHED)).isTrue();
        assertThat(article.unpublish(T1, UNPUBLISHED)).isFalse();
        assertThat(article.status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        article.publish(T1, PUBLISHED);
        assertThat(article.publishedAt()).isEqualTo(T0);
        assertThat(types(article)).containsExactly("published", "unpublished", "published");
    }

    @Test
    void backToDraftAnnouncesItOnlyWhenReadersLoseTheArticle() {
        Article scheduled = article();
        scheduled.schedule(T1, T0);
        assertThat(scheduled.toDraft(T0, UNPUBLISHED)).isTrue();
        assertThat(scheduled.publishAt()).isNull();
        assertThat(scheduled.outbox()).isEmpty();

        Article published = article();
        published.publish(T0, PUBLISHED);
        assertThat(published.toDraft(T1, UNPUBLISHED)).isTrue();
        assertThat(published.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(types(published)).containsExactly("published", "unpublished");
    }

    private static Article article() {
        return new Article("6650f1c2a1b2c3d4e5f60718", "خبر", "خبر", "متن", "<p>متن</p>", "متن", List.of(), List.of(),
                "editor", null, false, null, ArticleStatus.DRAFT, null, null, T0, T0, 1, null, null, 0L, List.of());
    }

    private static OutboxEvent event(String type) {
        return new OutboxEvent(type + "-id", "article-events", "6650f1c2a1b2c3d4e5f60718", type, T0, "{}");
    }

    private static List<String> types(Article article) {
        return article.outbox().stream().map(OutboxEvent::type).toList();
    }

    private static void assertConflict(Runnable change) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status().value()).isEqualTo(409));
    }
}
