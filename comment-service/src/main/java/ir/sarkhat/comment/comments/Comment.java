package ir.sarkhat.comment.comments;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ir.sarkhat.kit.events.OutboxEvent;

/**
 * A reader's comment on an article. The author's email is private: it is shown to moderators only,
 * never in a public response or an event. No IP address is kept. Events caused by a change wait in
 * {@code outbox}, written in the same single-document write as the change.
 *
 * @param body plain text as typed (normalized), rendered to HTML only when read
 */
@Document(Comment.COLLECTION)
public record Comment(@Id String id, String articleId, String parentId, String authorName, String authorEmail,
        String body, CommentStatus status, Instant createdAt, Instant approvedAt, String approvedBy,
        @Version Long version, List<OutboxEvent> outbox) {

    static final String COLLECTION = "comments";

    static Comment pending(String id, String articleId, CommentDraft draft, Instant now, OutboxEvent submitted) {
        return new Comment(id, articleId, draft.parentId(), draft.authorName(), draft.authorEmail(), draft.body(),
                CommentStatus.PENDING, now, null, null, null, List.of(submitted));
    }
}
