package ir.sarkhat.article.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import ir.sarkhat.kit.problem.ApiProblem;

class ListingCursorTest {

    @Test
    void aCursorLeadsBackToTheArticleItWasMadeFrom() {
        Instant publishedAt = Instant.parse("2023-04-09T08:30:00.123Z");
        Article article = new Article("6650f1c2a1b2c3d4e5f60718", "خبر", "خبر", "متن", "<p>متن</p>", "متن",
                List.of(), List.of(), "editor", null, false, null, ArticleStatus.PUBLISHED, null, publishedAt,
                publishedAt, publishedAt, 1, null, null, 1L, List.of());

        String cursor = ListingCursor.after(article);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(ListingCursor.read(cursor))
                .isEqualTo(new Articles.ListingPosition(publishedAt, "6650f1c2a1b2c3d4e5f60718"));
    }

    @Test
    void aCursorWeDidNotGiveOutIsABadRequest() {
        for (String bad : List.of("%%%", "bm90LWEtY3Vyc29y", "MjAyMy0wNC0wOXw=")) {
            assertThatThrownBy(() -> ListingCursor.read(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.status().value()).isEqualTo(400));
        }
    }
}
