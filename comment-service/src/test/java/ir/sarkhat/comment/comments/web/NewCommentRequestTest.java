package ir.sarkhat.comment.comments.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

class NewCommentRequestTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aNormalCommentIsValid() {
        assertThat(invalidFields(new NewCommentRequest("مریم", "maryam@example.ir", "خبر خوبی بود", null))).isEmpty();
    }

    @Test
    void missingFieldsAreNamed() {
        assertThat(invalidFields(new NewCommentRequest(null, null, null, null)))
                .containsExactlyInAnyOrder("authorName", "authorEmail", "body");
        assertThat(invalidFields(new NewCommentRequest("  ", "", " \n\t ", null)))
                .containsExactlyInAnyOrder("authorName", "authorEmail", "body");
    }

    @Test
    void emailMustLookDeliverable() {
        assertThat(invalidFields(new NewCommentRequest("a", "not-an-email", "x", null))).containsExactly("authorEmail");
        assertThat(invalidFields(new NewCommentRequest("a", "a@localhost", "x", null))).containsExactly("authorEmail");
        assertThat(invalidFields(new NewCommentRequest("a", "a b@x.ir", "x", null))).containsExactly("authorEmail");
        assertThat(invalidFields(new NewCommentRequest("a", " a@x.ir ", "x", null))).isEmpty();
        assertThat(invalidFields(new NewCommentRequest("a", "a".repeat(95) + "@x.ir", "x", null)))
                .containsExactly("authorEmail");
    }

    @Test
    void lengthsAreCountedAfterTrimming() {
        assertThat(invalidFields(new NewCommentRequest("  " + "ن".repeat(245) + "  ", "a@x.ir", "x", null))).isEmpty();
        assertThat(invalidFields(new NewCommentRequest("ن".repeat(246), "a@x.ir", "x", null)))
                .containsExactly("authorName");
        assertThat(invalidFields(new NewCommentRequest("a", "a@x.ir", "ب".repeat(65_525), null))).isEmpty();
        assertThat(invalidFields(new NewCommentRequest("a", "a@x.ir", "ب".repeat(65_526), null)))
                .containsExactly("body");
    }

    @Test
    void textIsNormalizedBeforeItIsStored() {
        NewCommentRequest request = new NewCommentRequest(" علي ", " a@x.ir ", " كه می\u200cگويم \n", " ");
        assertThat(request.toDraft().authorName()).isEqualTo("علی");
        assertThat(request.toDraft().authorEmail()).isEqualTo("a@x.ir");
        assertThat(request.toDraft().body()).isEqualTo("که می\u200cگویم");
        assertThat(request.toDraft().parentId()).isNull();
    }

    private Set<String> invalidFields(NewCommentRequest request) {
        return validator.validate(request).stream().map(v -> v.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }
}
