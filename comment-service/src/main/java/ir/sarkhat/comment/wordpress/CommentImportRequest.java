package ir.sarkhat.comment.wordpress;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/admin/import/comments}: the comments of one article, at most 500 at a time. */
record CommentImportRequest(@NotBlank String articleId,
        @NotNull @Size(max = 500, message = "must hold at most 500 comments; send several batches") List<@Valid Item> comments) {

    /** One WordPress comment; {@code createdAt} ISO-8601 UTC, {@code status} APPROVED, PENDING, SPAM or TRASH. */
    record Item(long wordpressId, Long parentWordpressId, @Size(max = 245) String authorName,
            @Size(max = 100) String authorEmail, @Size(max = 200) String authorUrl, @Size(max = 100) String authorIp,
            Instant createdAt, String body, String status, String type) {
    }
}
