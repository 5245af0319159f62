package ir.sarkhat.article.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading order: oldest first, replies under their parent, indented at most five levels. */
class CommentThreadTest {

    @Test
    void repliesFollowTheirParentOldestFirstAndIndentStopsAtFive() {
        List<PublicComment> comments = new ArrayList<>();
        comments.add(comment("b", null, "10:00"));
        comments.add(comment("a", null, "09:00"));
        comments.add(comment("a2", "a", "11:00"));
        comments.add(comment("a1", "a", "09:30"));
        String parent = "a1";
        for (int level = 2; level <= 7; level++) {
            String id = "deep" + level;
            comments.add(comment(id, parent, "12:0" + level));
            parent = id;
        }

        List<CommentThread.Placed> placed = CommentThread.order(comments);

        assertThat(placed).extracting(p -> p.comment().id()).containsExactly("a", "a1", "deep2", "deep3", "deep4",
                "deep5", "deep6", "deep7", "a2", "b");
        assertThat(placed).extracting(CommentThread.Placed::indent).containsExactly(0, 1, 2, 3, 4, 5, 5, 5, 1, 0);
    }

    @Test
    void aReplyWhoseParentIsNotPublicIsShownAtTheTopLevelAndACycleIsShownOnce() {
        List<CommentThread.Placed> placed = CommentThread.order(List.of(
                comment("orphan", "trashed", "09:00"),
                comment("x", "y", "10:00"),
                comment("y", "x", "10:30")));

        assertThat(placed).extracting(p -> p.comment().id()).containsExactly("orphan", "x", "y");
        assertThat(placed.get(0).indent()).isZero();
    }

    static PublicComment comment(String id, String parentId, String time) {
        return new PublicComment(id, "article", parentId, 0, "مریم", null, null, "متن " + id,
                Instant.parse("2023-04-09T" + time + ":00Z"), true, null, null, null, null);
    }
}
