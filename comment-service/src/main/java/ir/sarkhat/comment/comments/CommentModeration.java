package ir.sarkhat.comment.comments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import ir.sarkhat.comment.articles.PublishedArticles;
import ir.sarkhat.comment.text.PersianText;
import ir.sarkhat.kit.events.OutboxEvent;
import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * The moderation queue and the moderators' decisions. Every decision is one conditional write on
 * the comment (expected version) that changes the status, appends the audit entry and queues the
 * event together; a concurrent change makes it re-read and decide again, so approving twice, or two
 * moderators at once, gives one event and one audit entry.
 */
@Service
public class CommentModeration {

    static final int MAX_LIMIT = 100;
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final PublishedArticles articles;
    private final CommentEventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;

    CommentModeration(MongoTemplate mongo, PublishedArticles articles, CommentEventFactory events, OutboxRelay relay,
            Clock clock) {
        this.mongo = mongo;
        this.articles = articles;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /** Filters of the queue; null means "any". {@code to} is exclusive. */
    public record QueueFilter(CommentStatus status, String articleId, String text, Instant from, Instant to) {
    }

    public record QueuePage(List<ModeratedComment> items, String nextCursor) {
    }

    /** Newest first, cursor-paged. */
    public QueuePage queue(QueueFilter filter, String cursor, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<Criteria> criteria = new ArrayList<>();
        if (filter.status() != null) {
            criteria.add(where("status").is(filter.status()));
        }
        if (filter.articleId() != null) {
            criteria.add(where("articleId").is(filter.articleId()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            // No $text for Persian here: a case-insensitive substring match on what moderators search by.
            String quoted = Pattern.quote(PersianText.normalizeLine(filter.text()));
            criteria.add(new Criteria().orOperator(where("body").regex(quoted, "i"),
                    where("authorName").regex(quoted, "i"), where("authorEmail").regex(quoted, "i")));
        }
        if (filter.from() != null) {
            criteria.add(where("createdAt").gte(filter.from()));
        }
        if (filter.to() != null) {
            criteria.add(where("createdAt").lt(filter.to()));
        }
        if (cursor != null) {
            CommentCursor after = CommentCursor.parse(cursor);
            criteria.add(new Criteria().orOperator(where("createdAt").lt(after.createdAt()),
                    where("createdAt").is(after.createdAt()).and("_id").lt(new ObjectId(after.id()))));
        }
        Query query = new Query(criteria.isEmpty() ? new Criteria() : new Criteria().andOperator(criteria))
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "_id")))
                .limit(size + 1);
        query.fields().exclude("outbox").exclude("audit");
        List<Comment> comments = new ArrayList<>(mongo.find(query, Comment.class));
        String next = null;
        if (comments.size() > size) {
            comments = comments.subList(0, size);
            next = CommentCursor.of(comments.get(size - 1)).encode();
        }
        return new QueuePage(withTitles(comments), next);
    }

    public ModeratedComment get(String commentId) {
        return withTitle(find(commentId));
    }

    /** Applies one state-machine action; repeating the current state changes nothing and returns the comment. */
    public ModeratedComment act(String commentId, ModerationAction action, String moderator, String reason) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Comment current = find(commentId);
            CommentStatus target = action.target(current);
            if (target == current.status()) {
                return withTitle(current);
            }
            if (current.purgingSince() != null) {
                throw ApiProblem.conflict("This comment is being purged from the trash.");
            }
            Instant now = now();
            String why = reason == null || reason.isBlank() ? null : reason.strip();
            OutboxEvent event = target == CommentStatus.APPROVED ? events.approved(current, now, moderator)
                    : events.rejected(current, target, why, now, moderator);
            Update update = new Update()
                    .set("status", target)
                    .push("audit", new AuditEntry(now, moderator, action.verb(), current.status(), target, why))
                    .push("outbox", event)
                    .inc("version", 1);
            if (target == CommentStatus.APPROVED) {
                update.set("approvedAt", now).set("approvedBy", moderator);
            }
            if (target == CommentStatus.TRASH) {
                update.set("trashedAt", now).set("statusBeforeTrash", current.status());
            } else if (current.status() == CommentStatus.TRASH) {
                update.unset("trashedAt").unset("statusBeforeTrash");
            }
            Comment updated = writeIfUnchanged(current, update);
            if (updated != null) {
                relay.wakeUp();
                return withTitle(updated);
            }
        }
        throw ApiProblem.conflict("This comment is being changed by someone else. Reload it and try again.");
    }

    /** A moderator corrects the text. If it is public, CommentApproved goes out again with the new body. */
    public ModeratedComment edit(String commentId, String body, String moderator, String reason) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Comment current = find(commentId);
            if (body.equals(current.body())) {
                return withTitle(current);
            }
            Instant now = now();
            Update update = new Update()
                    .set("body", body)
                    .set("editedAt", now)
                    .push("audit", new AuditEntry(now, moderator, "edit", current.status(), current.status(),
                            reason == null || reason.isBlank() ? null : reason.strip()))
                    .inc("version", 1);
            if (current.status() == CommentStatus.APPROVED) {
                Comment edited = new Comment(current.id(), current.articleId(), current.parentId(),
                        current.inReplyTo(), current.rootId(), current.ancestors(), current.depth(),
                        current.authorName(), current.authorEmail(), current.authorUrl(), current.staff(), body,
                        current.status(), null, current.heldBy(), null, false, false, null, current.createdAt(),
                        current.approvedAt(), current.approvedBy(), null, now, null, null, null, null);
                update.push("outbox", events.approved(edited,
                        current.approvedAt() == null ? now : current.approvedAt(), current.approvedBy()));
            }
            Comment updated = writeIfUnchanged(current, update);
            if (updated != null) {
                relay.wakeUp();
                return withTitle(updated);
            }
        }
        throw ApiProblem.conflict("This comment is being changed by someone else. Reload it and try again.");
    }

    /** One entry of the audit log with the comment it belongs to. */
    public record AuditRecord(String commentId, String articleId, AuditEntry entry) {
    }

    /** The decisions on one comment, oldest first. */
    public List<AuditRecord> auditOfComment(String commentId) {
        Comment comment = find(commentId);
        return records(List.of(comment), entry -> true, Comparator.comparing(r -> r.entry().at()));
    }

    /** A moderator's decisions, newest first, at most {@code limit}. */
    public List<AuditRecord> auditOfModerator(String moderator, int limit) {
        Query query = query(where("audit.moderator").is(moderator))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1000);
        query.fields().include("articleId").include("audit");
        List<AuditRecord> all = records(mongo.find(query, Comment.class), e -> moderator.equals(e.moderator()),
                Comparator.comparing((AuditRecord r) -> r.entry().at()).reversed());
        return all.subList(0, Math.min(all.size(), Math.max(1, Math.min(limit, MAX_LIMIT))));
    }

    private static List<AuditRecord> records(List<Comment> comments, java.util.function.Predicate<AuditEntry> keep,
            Comparator<AuditRecord> order) {
        List<AuditRecord> records = new ArrayList<>();
        for (Comment c : comments) {
            for (AuditEntry entry : c.audit() == null ? List.<AuditEntry>of() : c.audit()) {
                if (keep.test(entry)) {
                    records.add(new AuditRecord(c.id(), c.articleId(), entry));
                }
            }
        }
        records.sort(order);
        return records;
    }

    private Comment writeIfUnchanged(Comment current, Update update) {
        return mongo.findAndModify(query(where("_id").is(current.id()).and("version").is(current.version())),
                update, FindAndModifyOptions.options().returnNew(true), Comment.class);
    }

    private Comment find(String commentId) {
        Comment comment = mongo.findById(commentId, Comment.class);
        if (comment == null) {
            throw ApiProblem.notFound("There is no comment with this id.");
        }
        return comment;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private ModeratedComment withTitle(Comment comment) {
        return withTitles(List.of(comment)).get(0);
    }

    private List<ModeratedComment> withTitles(List<Comment> comments) {
        Set<String> articleIds = comments.stream().map(Comment::articleId).collect(Collectors.toSet());
        Map<String, String> titles = articles.titlesOf(articleIds);
        return comments.stream().map(c -> new ModeratedComment(c, titles.get(c.articleId()))).toList();
    }
}
