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
        assertThat(invalidFields(req("مریم", "maryam@example.ir", "خبر خوبی بود", null))).isEmpty();
    }

    @Test
    void missingFieldsAreNamed() {
        assertThat(invalidFields(req(null, null, null, null)))
                .containsExactlyInAnyOrder("authorName", "authorEmail", "body");
        assertThat(invalidFields(req("  ", "", " \n\t ", null)))
                .containsExactlyInAnyOrder("authorName", "authorEmail", "body");
    }

    @Test
    void emailMustLookDeliverable() {
        assertThat(invalidFields(req("a", "not-an-email", "x", null))).containsExactly("authorEmail");
        assertThat(invalidFields(req("a", "a@localhost", "x", null))).containsExactly("authorEmail");
        assertThat(invalidFields(req("a", "a b@x.ir", "x", null))).containsExactly("authorEmail");
        assertThat(invalidFields(req("a", " a@x.ir ", "x", null))).isEmpty();
        assertThat(invalidFields(req("a", "a".repeat(95) + "@x.ir", "x", null)))
                .containsExactly("authorEmail");
    }

    @Test
    void lengthsAreCountedAfterTrimming() {
        assertThat(invalidFields(req("  " + "ن".repeat(245) + "  ", "a@x.ir", "x", null))).isEmpty();
        assertThat(invalidFields(req("ن".repeat(246), "a@x.ir", "x", null)))
                .containsExactly("authorName");
        assertThat(invalidFields(req("a", "a@x.ir", "ب".repeat(65_525), null))).isEmpty();
        assertThat(invalidFields(req("a", "a@x.ir", "ب".repeat(65_526), null)))
                .containsExactly("body");
    }

    @Test
    void textIsNormalizedBeforeItIsStored() {
        NewCommentRequest request = req(" علي ", " a@x.ir ", " كه می\u200cگويم \n", " ");
        assertThat(request.toDraft("203.0.113.9").authorName()).isEqualTo("علی");
        assertThat(request.toDraft("203.0.113.9").authorEmail()).isEqualTo("a@x.ir");
        assertThat(request.toDraft("203.0.113.9").body()).isEqualTo("که می\u200cگویم");
        assertThat(request.toDraft("203.0.113.9").parentId()).isNull();
    }

    @Test
    void aWebsiteMustBeAnHttpAddressOfAtMost200Characters() {
        assertThat(invalidFields(withUrl("https://maryam.example.ir/blog"))).isEmpty();
        assertThat(invalidFields(withUrl("javascript:alert(1)"))).containsExactly("authorUrl");
        assertThat(invalidFields(withUrl("ftp://x.ir"))).containsExactly("authorUrl");
        assertThat(invalidFields(withUrl("https://x.ir/\"onmouseover=alert(1)"))).containsExactly("authorUrl");
        assertThat(invalidFields(withUrl("https://x.ir/" + "a".repeat(187)))).isEmpty();
        assertThat(invalidFields(withUrl("https://x.ir/" + "a".repeat(188)))).containsExactly("authorUrl");
        assertThat(withUrl("  ").toDraft("203.0.113.9").authorUrl()).isNull();
    }

    @Test
    void optionsDefaultToOffAndTheEmailIsLowercased() {
        var draft = new NewCommentRequest("a", "Maryam@Example.IR", null, "x", null, "", null, true)
                .toDraft("203.0.113.9");
        assertThat(draft.notifyApproval()).isFalse();
        assertThat(draft.notifyReplies()).isTrue();
        assertThat(draft.authorEmail()).isEqualTo("maryam@example.ir");
        assertThat(draft.clientIp()).isEqualTo("203.0.113.9");
    }

    private static NewCommentRequest req(String name, String email, String body, String parentId) {
        return new NewCommentRequest(name, email, null, body, parentId, null, null, null);
    }

    private static NewCommentRequest withUrl(String url) {
        return new NewCommentRequest("a", "a@x.ir", url, "x", null, null, null, null);
    }

    private Set<String> invalidFields(NewCommentRequest request) {
        return validator.validate(request).stream().map(v -> v.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }
}
