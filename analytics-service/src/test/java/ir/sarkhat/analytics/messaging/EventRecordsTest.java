package ir.sarkhat.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ir.sarkhat.kit.events.IncomingEvent;
import ir.sarkhat.kit.events.PoisonEventException;
import ir.sarkhat.kit.test.EventContracts;
import tools.jackson.databind.json.JsonMapper;

/** Our tolerant records read the producers' schema examples, and refuse data that is not an event. */
class EventRecordsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsThePageViewedExampleWithoutItsUserAgentOrPath() {
        PageViewed view = EventData.read(json, event(example("page-viewed.v1.schema.json")), PageViewed.class);
        assertThat(view.pageviewId()).isEqualTo("0b7c4a9e-3d57-4a53-9f0e-2f1d6c1a8e11");
        assertThat(view.articleId()).isEqualTo("6650f1c2a1b2c3d4e5f60718");
        assertThat(view.viewedAt()).isEqualTo(Instant.parse("2023-04-09T11:00:00Z"));
        assertThat(view.visitorKey()).isEqualTo("3f2a9c0d1e4b5a6978c1d2e3f4a5b6c7");
        assertThat(view.toString()).doesNotContain("Mozilla");
    }

    @Test
    void readsTheArticleAndCommentExamples() {
        ArticlePublished article = EventData.read(json, event(example("article-published.v1.schema.json")),
                ArticlePublished.class);
        assertThat(article.title()).isEqualTo("پنجره واحد دولت هوشمند راه‌اندازی شد");
        assertThat(article.slug()).isEqualTo("پنجره-واحد-دولت-هوشمند");

        CommentSubmitted submitted = EventData.read(json, event(example("comment-submitted.v1.schema.json")),
                CommentSubmitted.class);
        assertThat(submitted.status()).isEqualTo("PENDING");
        CommentApproved approved = EventData.read(json, event(example("comment-approved.v1.schema.json")),
                CommentApproved.class);
        assertThat(approved.commentId()).isEqualTo(submitted.commentId());
        assertThat(approved.approvedAt()).isEqualTo(Instant.parse("2023-04-09T10:15:00Z"));
        CommentRejected rejected = EventData.read(json, event(example("comment-rejected.v1.schema.json")),
                CommentRejected.class);
        assertThat(rejected.status()).isEqualTo("TRASH");
        assertThat(rejected.rejectedAt()).isEqualTo(Instant.parse("2023-04-09T11:00:00Z"));
        CommentDeleted deleted = EventData.read(json, event(example("comment-deleted.v1.schema.json")),
                CommentDeleted.class);
        assertThat(deleted.commentId()).isEqualTo(submitted.commentId());
        assertThat(deleted.deletedAt()).isEqualTo(Instant.parse("2023-05-09T11:00:00Z"));
    }

    @Test
    void anEventIsOrderedByItsOwnTimeElseByItsEnvelopeAndWithoutEitherItIsPoison() {
        Instant dataTime = Instant.parse("2023-04-09T10:15:00Z");
        IncomingEvent event = new IncomingEvent("e-7", "t", "/sarkhat/test", "a", Instant.parse("2024-01-01T00:00:00Z"),
                "{}", "comment-events", 2, 42);
        assertThat(CommentEventsListener.position(event, dataTime))
                .isEqualTo(new ir.sarkhat.analytics.comment.EventPosition("e-7", dataTime, 2, 42));
        assertThat(CommentEventsListener.position(event, null).time()).isEqualTo(event.time());
        IncomingEvent timeless = new IncomingEvent("e-8", "t", null, null, null, "{}", "comment-events", 0, 1);
        assertThatThrownBy(() -> CommentEventsListener.position(timeless, null))
                .isInstanceOf(PoisonEventException.class);
    }

    @Test
    void dataThatIsNotJsonOrLacksARequiredFieldIsPoison() {
        assertThatThrownBy(() -> EventData.read(json, event("not json"), PageViewed.class))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> EventData.read(json, event("null"), PageViewed.class))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> EventData.read(json, event("{\"viewedAt\":\"yesterday\"}"), PageViewed.class))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> EventData.required(" ", "articleId", event("{}")))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("articleId");
    }

    private static String example(String schema) {
        return EventContracts.examples(schema).get(0);
    }

    private static IncomingEvent event(String data) {
        return new IncomingEvent("e-1", "t", "/sarkhat/test", "a", Instant.now(), data, "topic", 0, 0);
    }
}
