package ir.sarkhat.analytics.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import ir.sarkhat.kit.test.EmbeddedMongo;

/** The approved count through every moderation transition, under redelivery, replay and stale events. */
class CommentStatesTest {

    private static MongoClient client;
    private static CommentStates states;

    private final String articleId = "article-" + UUID.randomUUID();
    // comment-service's ids are ObjectIds in hex: they must stay strings in queries and inserts alike
    private final String commentId = new org.bson.types.ObjectId().toHexString();
    private long offset;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri("comment-states-test"));
        states = new CommentStates(new MongoTemplate(client, "comment-states-test"));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void theCountFollowsApproveTrashRestoreSpamDeleteAndAReplayChangesNothing() {
        EventPosition submitted = at("09:00");
        EventPosition approved = at("10:15");
        EventPosition trashed = at("11:00");
        EventPosition restored = at("11:30");
        EventPosition spammed = at("12:00");
        EventPosition deleted = at("13:00");
        List<BooleanSupplier> history = new ArrayList<>();
        history.add(step(() -> states.submitted(commentId, articleId, CommentStatus.PENDING, submitted), 0));
        history.add(step(() -> states.approved(commentId, articleId, approved), 1));
        history.add(step(() -> states.rejected(commentId, articleId, CommentStatus.TRASH, trashed), 0));
        history.add(step(() -> states.approved(commentId, articleId, restored), 1));
        history.add(step(() -> states.rejected(commentId, articleId, CommentStatus.SPAM, spammed), 0));
        history.add(step(() -> states.deleted(commentId, articleId, deleted), 0));

        // Redelivery of every event, in order: each is the same event (same id, time, offset) or older.
        history.forEach(event -> assertThat(event.getAsBoolean()).isFalse());
        assertThat(states.approvedComments(articleId)).isZero();
    }

    @Test
    void anOlderEventArrivingLateDoesNotUndoANewerOne() {
        EventPosition approval = at("10:15");
        states.submitted(commentId, articleId, CommentStatus.PENDING, at("09:00"));
        states.rejected(commentId, articleId, CommentStatus.TRASH, at("11:00"));

        assertThat(states.approved(commentId, articleId, approval)).isFalse();
        assertThat(states.approvedComments(articleId)).isZero();
        // A submission after an approval (or a deletion) never takes it back.
        states.approved(commentId, articleId, at("11:30"));
        assertThat(states.submitted(commentId, articleId, CommentStatus.PENDING, at("09:00"))).isFalse();
        assertThat(states.approvedComments(articleId)).isEqualTo(1);
        states.deleted(commentId, articleId, at("12:00"));
        assertThat(states.approved(commentId, articleId, at("11:45"))).isFalse();
        assertThat(states.approvedComments(articleId)).isZero();
    }

    @Test
    void twoEventsOfTheSameInstantAreOrderedByTheirPlaceOnThePartition() {
        Instant instant = Instant.parse("2023-04-09T10:15:00Z");
        states.approved(commentId, articleId, new EventPosition("e-1", instant, 1, 10));
        assertThat(states.rejected(commentId, articleId, CommentStatus.TRASH, new EventPosition("e-2", instant, 1, 11)))
                .isTrue();
        assertThat(states.approved(commentId, articleId, new EventPosition("e-1", instant, 1, 10))).isFalse();
        assertThat(states.approvedComments(articleId)).isZero();
    }

    @Test
    void aCommentPublishedWithoutModerationCountsAtOnceAndOnlyApprovedOnesCount() {
        states.submitted(commentId, articleId, CommentStatus.APPROVED, at("09:00"));
        states.submitted("spam-" + commentId, articleId, CommentStatus.SPAM, at("09:01"));
        states.submitted("held-" + commentId, articleId, CommentStatus.PENDING, at("09:02"));

        assertThat(states.approvedComments(articleId)).isEqualTo(1);
    }

    private BooleanSupplier step(BooleanSupplier event, long approvedAfter) {
        assertThat(event.getAsBoolean()).as("a new event is applied").isTrue();
        assertThat(states.approvedComments(articleId)).isEqualTo(approvedAfter);
        return event;
    }

    /** A new event at the given time on 2023-04-09, next on the article's partition. */
    private EventPosition at(String time) {
        return new EventPosition(UUID.randomUUID().toString(), Instant.parse("2023-04-09T" + time + ":00Z"), 2,
                offset++);
    }
}
