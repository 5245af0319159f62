package ir.sarkhat.article.articles.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import ir.sarkhat.kit.problem.ApiProblem;

class ETagsTest {

    @Test
    void aStrongTagNamesTheVersion() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
        assertThat(ETags.required("\"7\"")).isEqualTo(7L);
        assertThat(ETags.optional(" \"7\" , \"8\"")).isEqualTo(7L);
    }

    @Test
    void weakOrForeignTagsNeverMatchAnyVersion() {
        for (String tag : new String[] { "W/\"7\"", "7", "\"abc\"", "\"\"" }) {
            assertThat(ETags.required(tag)).as(tag).isNegative();
        }
    }

    @Test
    void aMissingTagIsRequiredForSavesButOptionalForStateChanges() {
        assertThatThrownBy(() -> ETags.required(null)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status().value()).isEqualTo(428));
        assertThat(ETags.optional(null)).isNull();
        assertThat(ETags.required("*")).as("any version").isNull();
    }
}
