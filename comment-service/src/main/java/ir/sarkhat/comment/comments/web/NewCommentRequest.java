package ir.sarkhat.comment.comments.web;

import java.util.Locale;

import ir.sarkhat.comment.comments.CommentDraft;
import ir.sarkhat.comment.text.PersianText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/articles/{articleId}/comments}. Text is normalized here, before validation,
 * so the length limits apply to what is stored. Any other field (such as {@code status}) is ignored.
 * Limits follow WordPress's comment columns. {@code website} is the honeypot: a hidden field people
 * leave empty.
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

        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = "(?i)https?://[^\\s<>\"']+", message = "must be an http or https address")
        String authorUrl,

        @NotBlank(message = "must not be blank")
        @Size(max = 65_525, message = "must be at most 65525 characters")
        String body,

        String parentId,

        String website,

        Boolean notifyApproval,

        Boolean notifyReplies) {

    NewCommentRequest {
        authorName = PersianText.normalizeLine(authorName);
        authorEmail = authorEmail == null ? null : authorEmail.strip().toLowerCase(Locale.ROOT);
        authorUrl = authorUrl == null || authorUrl.isBlank() ? null : authorUrl.strip();
        body = PersianText.normalize(body);
        parentId = parentId == null || parentId.isBlank() ? null : parentId.strip();
    }

    CommentDraft toDraft(String clientIp) {
        return new CommentDraft(authorName, authorEmail, authorUrl, body, parentId, website,
                Boolean.TRUE.equals(notifyApproval), Boolean.TRUE.equals(notifyReplies), clientIp);
    }
}
