package ir.sarkhat.comment.comments.web;

import java.util.List;

import ir.sarkhat.comment.text.PersianText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Request bodies of the moderation API. */
final class ModerationRequests {

    private ModerationRequests() {
    }

    /** Optional body of a single action: a note for the audit log. */
    record Reason(@Size(max = 500, message = "must be at most 500 characters") String reason) {
    }

    /** {@code PUT /api/moderation/comments/{id}} and {@code …/reply}. */
    record Text(
            @NotBlank(message = "must not be blank")
            @Size(max = 65_525, message = "must be at most 65525 characters")
            String body,
            @Size(max = 500, message = "must be at most 500 characters")
            String reason) {

        Text {
            body = PersianText.normalize(body);
        }
    }

    record Bulk(
            @NotEmpty(message = "must list at least one comment id")
            @Size(max = 200, message = "must list at most 200 comment ids")
            List<String> ids,
            @NotBlank(message = "is required")
            String action,
            @Size(max = 500, message = "must be at most 500 characters")
            String reason) {
    }
}
