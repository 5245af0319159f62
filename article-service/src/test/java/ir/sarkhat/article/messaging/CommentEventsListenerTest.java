package ir.sarkhat.article.messaging;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import ir.sarkhat.article.comments.ApprovedComment;
import ir.sarkhat.article.comments.EventPosition;
import ir.sarkhat.article.comments.PublicComments;
import ir.sarkhat.kit.events.PoisonEventException;
import ir.sarkhat.kit.test.EventContracts;
import tools.jackson.databind.json.JsonMapper;

/** The comment-service schemas' examples reach the replica with their display fields and their own time. */
class CommentEventsListenerTest {

    private static final String COMMENT = "6650f2d3a1b2c3d4e5f60801";
    private static final String ARTICLE = "6650f1c2a1b2c3d4e5f60718";

    private final PublicComments replica = mock(PublicComments.class);
    private final CommentEventsListener listener = new CommentEventsListener(replica, JsonMapper.builder().build());

    @Test
    void approvedShowsTheCommentWithItsDisplayFields() {
        listener.on(record(CommentEventsListener.APPROVED, example("comment-approved.v1.schema.json"), 7));

        verify(replica).approved(new ApprovedComment(COMMENT, ARTICLE, null, 0, "مریم", null,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "خبر خوبی بود.",
                Instant.parse("2023-04-09T09:00:00Z")),
                new EventPosition("e-7", Instant.parse("2023-04-09T10:15:00Z"), 2, 7));
    }

    @Test
    void rejectedAndDeletedTakeItOff() {
        listener.on(record(CommentEventsListener.REJECTED, example("comment-rejected.v1.schema.json"), 8));
        listener.on(record(CommentEventsListener.DELETED, example("comment-deleted.v1.schema.json"), 9));

        verify(replica).removed(COMMENT, ARTICLE, new EventPosition("e-8", Instant.parse("2023-04-09T11:00:00Z"), 2, 8));
        verify(replica).removed(COMMENT, ARTICLE, new EventPosition("e-9", Instant.parse("2023-05-09T11:00:00Z"), 2, 9));
    }

    @Test
    void submissionsAndUnknownTypesAreIgnored() {
        listener.on(record("sarkhat.comment.submitted.v1", example("comment-submitted.v1.schema.json"), 1));
        listener.on(record("sarkhat.comment.edited.v9", "not even json", 2));

        verifyNoInteractions(replica);
    }

    @Test
    void unreadableOrIncompleteDataIsPoison() {
        assertThatThrownBy(() -> listener.on(record(CommentEventsListener.APPROVED, "not json", 1)))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> listener.on(record(CommentEventsListener.REJECTED,
                "{\"articleId\":\"a1\",\"status\":\"SPAM\",\"rejectedAt\":\"2023-04-09T11:00:00Z\"}", 2)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("commentId");
        assertThatThrownBy(() -> listener.on(record(CommentEventsListener.APPROVED,
                "{\"commentId\":\"c1\",\"articleId\":\"a1\",\"depth\":\"deep\"}", 3)))
                .isInstanceOf(PoisonEventException.class);
        verifyNoInteractions(replica);
    }

    private static String example(String schema) {
        return EventContracts.examples(schema).get(0);
    }

    private static ConsumerRecord<String, String> record(String type, String value, long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("comment-events", 2, offset, ARTICLE, value);
        record.headers().add("ce_id", ("e-" + offset).getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
