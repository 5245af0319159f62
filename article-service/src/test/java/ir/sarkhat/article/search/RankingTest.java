package ir.sarkhat.article.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RankingTest {

    private final Bm25 bm25 = Bm25.STANDARD;

    @Test
    void rareTermsWeighMoreAndIdfNeverGoesNegative() {
        assertThat(bm25.idf(100, 1)).isGreaterThan(bm25.idf(100, 50));
        assertThat(bm25.idf(100, 100)).isPositive();
        assertThat(bm25.idf(10, 1)).isCloseTo(Math.log(1 + 9.5 / 1.5), within(1e-12));
    }

    @Test
    void moreOccurrencesScoreHigherButSaturate() {
        double once = bm25.weight(1, 100, 100);
        double twice = bm25.weight(2, 100, 100);
        double tenTimes = bm25.weight(10, 100, 100);
        assertThat(twice).isGreaterThan(once);
        assertThat(tenTimes).isGreaterThan(twice).isLessThan(bm25.k1() + 1);
        assertThat(bm25.weight(0, 100, 100)).isZero();
    }

    @Test
    void theSameCountInALongerArticleWeighsLess() {
        assertThat(bm25.weight(2, 50, 100)).isGreaterThan(bm25.weight(2, 400, 100));
    }

    @Test
    void aTermInTheTitleOutranksTheSameCountInTheBodyOnly() {
        SearchEntry inTitle = entry(List.of("زعفران", "خبر"), List.of(2, 3), 60, List.of("زعفران"));
        SearchEntry bodyOnly = entry(List.of("زعفران", "خبر"), List.of(2, 3), 60, List.of("خبر"));
        Map<String, Double> idf = Map.of("زعفران", 2.0);

        assertThat(ArticleSearch.score(inTitle, List.of("زعفران"), idf, 60))
                .isGreaterThan(ArticleSearch.score(bodyOnly, List.of("زعفران"), idf, 60));
    }

    private static SearchEntry entry(List<String> terms, List<Integer> counts, int length, List<String> titleTerms) {
        return new SearchEntry("id", "slug", "title", "excerpt", Instant.EPOCH, Instant.EPOCH, terms, counts, length,
                titleTerms);
    }
}
