package ir.sarkhat.comment.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import ir.sarkhat.kit.problem.ApiProblem;

/** The moderators' state machine: every (status, action) pair. */
class ModerationActionTest {

    @Test
    void legalMovesAndRepeatsLeadWhereWordPressLeads() {
        assertThat(target(CommentStatus.PENDING, ModerationAction.APPROVE)).isEqualTo(CommentStatus.APPROVED);
        assertThat(target(CommentStatus.PENDING, ModerationAction.SPAM)).isEqualTo(CommentStatus.SPAM);
        assertThat(target(CommentStatus.PENDING, ModerationAction.TRASH)).isEqualTo(CommentStatus.TRASH);
        assertThat(target(CommentStatus.APPROVED, ModerationAction.UNAPPROVE)).isEqualTo(CommentStatus.PENDING);
        assertThat(target(CommentStatus.APPROVED, ModerationAction.SPAM)).isEqualTo(CommentStatus.SPAM);
        assertThat(target(CommentStatus.APPROVED, ModerationAction.TRASH)).isEqualTo(CommentStatus.TRASH);
        assertThat(target(CommentStatus.SPAM, ModerationAction.RESTORE)).isEqualTo(CommentStatus.PENDING);
        assertThat(target(CommentStatus.SPAM, ModerationAction.TRASH)).isEqualTo(CommentStatus.TRASH);
        // Repeats: the same status, which the use case answers without a write.
        assertThat(target(CommentStatus.APPROVED, ModerationAction.APPROVE)).isEqualTo(CommentStatus.APPROVED);
        assertThat(target(CommentStatus.PENDING, ModerationAction.UNAPPROVE)).isEqualTo(CommentStatus.PENDING);
        assertThat(target(CommentStatus.SPAM, ModerationAction.SPAM)).isEqualTo(CommentStatus.SPAM);
        assertThat(target(CommentStatus.TRASH, ModerationAction.TRASH)).isEqualTo(CommentStatus.TRASH);
        assertThat(target(CommentStatus.PENDING, ModerationAction.RESTORE)).isEqualTo(CommentStatus.PENDING);
        assertThat(target(CommentStatus.APPROVED, ModerationAction.RESTORE)).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void restoringFromTheTrashReturnsToTheStatusBeforeIt() {
        for (CommentStatus before : List.of(CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.SPAM)) {
            assertThat(ModerationAction.RESTORE.target(comment(CommentStatus.TRASH, before))).isEqualTo(before);
        }
        assertThat(ModerationAction.RESTORE.target(comment(CommentStatus.TRASH, null))).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void illegalMovesAreConflicts() {
        record Move(CommentStatus from, ModerationAction action) {
        }
        for (Move m : List.of(new Move(CommentStatus.SPAM, ModerationAction.APPROVE),
                new Move(CommentStatus.TRASH, ModerationAction.APPROVE),
                new Move(CommentStatus.SPAM, ModerationAction.UNAPPROVE),
                new Move(CommentStatus.TRASH, ModerationAction.UNAPPROVE),
                new Move(CommentStatus.TRASH, ModerationAction.SPAM))) {
            assertThatThrownBy(() -> target(m.from(), m.action())).as(m.toString())
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT));
        }
    }

    @Test
    void actionsParseCaseInsensitivelyAndUnknownOnesAreBadRequests() {
        assertThat(ModerationAction.parse(" Approve ")).isEqualTo(ModerationAction.APPROVE);
        assertThatThrownBy(() -> ModerationAction.parse("delete")).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    private static CommentStatus target(CommentStatus status, ModerationAction action) {
        return action.target(comment(status, null));
    }

    private static Comment comment(CommentStatus status, CommentStatus beforeTrash) {
        return new Comment("c", "a", null, null, "c", List.of(), 0, "n", "e@x.ir", null, false, "b", status,
                beforeTrash, List.of(), null, false, false, "f", null, null, null, null, null, null, List.of(), Long.valueOf(0),
                List.of());
    }
}
