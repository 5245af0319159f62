package ir.sarkhat.analytics.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentStatusTest {

    @Test
    void readsTheStatusOfASubmissionAndTreatsAnythingElseAsPending() {
        assertThat(CommentStatus.fromEvent("APPROVED")).isEqualTo(CommentStatus.APPROVED);
        assertThat(CommentStatus.fromEvent("spam")).isEqualTo(CommentStatus.SPAM);
        assertThat(CommentStatus.fromEvent("HELD_FOR_REVIEW")).isEqualTo(CommentStatus.PENDING);
        assertThat(CommentStatus.fromEvent(null)).isEqualTo(CommentStatus.PENDING);
        assertThat(CommentStatus.fromEvent("TRASH")).isEqualTo(CommentStatus.TRASH);
        // Only CommentDeleted deletes: a status field saying so is not trusted.
        assertThat(CommentStatus.fromEvent("DELETED")).isEqualTo(CommentStatus.PENDING);
    }
}
