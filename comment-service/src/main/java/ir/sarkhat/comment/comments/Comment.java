package ir.sarkhat.comment.comments;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ir.sarkhat.kit.events.OutboxEvent;

/**
 * A comment on an article. The author's email is private (moderators only, never public, never in
 * an event); of the IP only the network prefix is kept. Events caused by a change wait in
 * {@code outbox} and moderator decisions in {@code audit}, both written in the same single-document
 * write as the change.
 *
 * @param parentId          the comment this one hangs under (at most depth 5)
 * @param inReplyTo         the comment the reader answered; differs from parentId when that one was at depth 5
 * @param rootId            the top-level comment of the thread (its own id for a top-level comment)
 * @param ancestors         ids from the top-level comment down to the parent
 * @param depth             0 for a top-level comment, at most 5
 * @param authorEmail       lowercased; null for staff replies
 * @param staff             written by a moderator through the moderation API
 * @param body              plain text as typed (normalized), rendered to HTML only when read
 * @param statusBeforeTrash what a restore from TRASH returns to
 * @param heldBy            the rules that held it or marked it spam, with a reason each
 * @param ipPrefix          IPv4 /24 or IPv6 /48 of the sender
 * @param fingerprint       hash of article, parent, email and body: a unique index refuses duplicates
 * @param purgingSince      set when a purge claimed this trashed comment
 */
@Document(Comment.COLLECTION)
public record Comment(@Id String id, String articleId, String parentId, String inReplyTo, String rootId,
        List<String> ancestors, int depth, String authorName, String authorEmail, String authorUrl, boolean staff,
        String body, CommentStatus status, CommentStatus statusBeforeTrash, List<Hold> heldBy, String ipPrefix,
        boolean notifyApproval, boolean notifyReplies, String fingerprint, Instant createdAt, Instant approvedAt,
        String approvedBy, Instant trashedAt, Instant editedAt, Instant purgingSince, List<AuditEntry> audit,
        @Version Long version, List<OutboxEvent> outbox) {

    public static final String COLLECTION = "comments";
    public static final int MAX_DEPTH = 5;

    /**
     * For reading: documents written before issue #4 (and projections) lack depth and the flags,
     * which then read as 0 and false instead of failing.
     */
    @PersistenceCreator
    Comment(String id, String articleId, String parentId, String inReplyTo, String rootId, List<String> ancestors,
            Integer depth, String authorName, String authorEmail, String authorUrl, Boolean staff, String body,
            CommentStatus status, CommentStatus statusBeforeTrash, List<Hold> heldBy, String ipPrefix,
            Boolean notifyApproval, Boolean notifyReplies, String fingerprint, Instant createdAt, Instant approvedAt,
            String approvedBy, Instant trashedAt, Instant editedAt, Instant purgingSince, List<AuditEntry> audit,
            Long version, List<OutboxEvent> outbox) {
        this(id, articleId, parentId, inReplyTo, rootId, ancestors, depth == null ? 0 : depth, authorName,
                authorEmail, authorUrl, Boolean.TRUE.equals(staff), body, status, statusBeforeTrash, heldBy, ipPrefix,
                Boolean.TRUE.equals(notifyApproval), Boolean.TRUE.equals(notifyReplies), fingerprint, createdAt,
                approvedAt, approvedBy, trashedAt, editedAt, purgingSince, audit, version, outbox);
    }
}
