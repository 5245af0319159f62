package ir.sarkhat.comment.comments.web;

import ir.sarkhat.comment.comments.CommentDraft;
import ir.sarkhat.comment.text.PersianText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/articles/{articleId}/comments}. Text is normalized here, before validation,
 * so the length limits apply to what is stored. Any other field (such as {@code status}) is ignored.
 * Limits follow WordPress's comment columns.
 */
record NewCommentRequest(
        @NotBlank(message = "is required")
        @Size(max = 245, message = "must be at most 245 characters")
        String authorName,

        @NotBlank(message = "is required")
        @Size(max = 100, message = "must be at most 100 characters")
        // Bean Validation accepts "a@b"; a reachable address has a dot in its domain.
        @Email(regexp = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+", message = "must be a valid email address")
        String authorEmail,

        @NotBlank(message = "must not be blank")
        @Size(max = 65_525, message = "must be at most 65525 characters")
        String body,

        String parentId) {

    NewCommentRequest {
        authorName = PersianText.normalizeLine(authorName);
        authorEmail = authorEmail == null ? null : authorEmail.strip();
        body = PersianText.normalize(body);
        parentId = parentId == null || parentId.isBlank() ? null : parentId.strip();
    }

    CommentDraft toDraft() {
        return new CommentDraft(authorName, authorEmail, body, parentId);
    }
}
