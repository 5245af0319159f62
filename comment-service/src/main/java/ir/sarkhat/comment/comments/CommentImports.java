package ir.sarkhat.comment.comments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import ir.sarkhat.comment.comments.CommentSubmission.Thread;
import ir.sarkhat.comment.text.PersianText;

/**
 * Comments brought over from WordPress by an admin's import. They are written like submitted
 * comments — one insert holding the comment with CommentSubmitted (and CommentApproved when it was
 * approved) in its outbox — but keep their own status, date and thread, skip the reader-facing rules
 * (flood, policy, open article) and are marked by {@code fingerprint = "wordpress:<id>"}, whose unique
 * index makes importing the same comment again a no-op without events.
 */
@Service
public class CommentImports {

    static final String FINGERPRINT_PREFIX = "wordpress:";
    static final String ANONYMOUS = "ناشناس";
    static final int MAX_BODY = 65_525;

    private final MongoTemplate mongo;
    private final CommentSubmission submission;

    CommentImports(MongoTemplate mongo, CommentSubmission submission) {
        this.mongo = mongo;
        this.submission = submission;
    }

    /** One WordPress comment; {@code status} APPROVED, PENDING, SPAM or TRASH. */
    public record ImportedComment(long wordpressId, Long parentWordpressId, String authorName, String authorEmail,
            String authorUrl, String authorIp, Instant createdAt, String body, String status, String type) {
    }

    public record Failure(long wordpressId, String reason) {
    }

    /** {@code notes} are imported comments with a remark (e.g. a parent missing from the export). */
    public record Result(int imported, int alreadyImported, List<Failure> failed, List<Failure> notes) {
    }

    /**
     * Imports the comments of one article, parents before their replies (also when the batch lists
     * them the other way round); a parent from an earlier batch is found by its WordPress id.
     */
    public Result importAll(String articleId, List<ImportedComment> comments, String admin) {
        Map<Long, ImportedComment> byId = new LinkedHashMap<>();
        List<Failure> failed = new ArrayList<>();
        List<Failure> notes = new ArrayList<>();
        for (ImportedComment c : comments) {
            if (byId.putIfAbsent(c.wordpressId(), c) != null) {
                failed.add(new Failure(c.wordpressId(), "duplicate comment id in this batch; the first one was imported"));
            }
        }
        Map<Long, Comment> placed = new HashMap<>();
        int[] counts = new int[2];
        for (ImportedComment c : byId.values()) {
            importOne(articleId, c, byId, placed, counts, failed, notes, admin, new ArrayList<>());
        }
        return new Result(counts[0], counts[1], failed, notes);
    }

    private Comment importOne(String articleId, ImportedComment c, Map<Long, ImportedComment> batch,
            Map<Long, Comment> placed, int[] counts, List<Failure> failed, List<Failure> notes, String admin,
            List<Long> path) {
        if (placed.containsKey(c.wordpressId())) {
            return placed.get(c.wordpressId());
        }
        Comment existing = mongo.findOne(query(where("fingerprint").is(FINGERPRINT_PREFIX + c.wordpressId())),
                Comment.class);
        if (existing != null) {
            counts[1]++;
            placed.put(c.wordpressId(), existing);
            return existing;
        }
        String problem = problem(c);
        if (problem != null) {
            failed.add(new Failure(c.wordpressId(), problem));
            placed.put(c.wordpressId(), null);
            return null;
        }
        Comment parent = null;
        Long parentId = c.parentWordpressId();
        if (parentId != null && parentId != 0) {
            path.add(c.wordpressId());
            ImportedComment inBatch = batch.get(parentId);
            if (inBatch != null && !path.contains(parentId)) {
                parent = importOne(articleId, inBatch, batch, placed, counts, failed, notes, admin, path);
            } else {
                parent = mongo.findOne(query(where("fingerprint").is(FINGERPRINT_PREFIX + parentId)), Comment.class);
            }
            if (parent == null || !articleId.equals(parent.articleId())) {
                notes.add(new Failure(c.wordpressId(), "parent comment " + parentId
                        + " is not on this article (or was not imported); imported as a top-level comment"));
                parent = null;
            }
        }
        String body = PersianText.normalize(c.body()).strip();
        if (sameCommentExists(articleId, c, body)) {
            counts[1]++;
            placed.put(c.wordpressId(), null);
            return null;
        }
        Comment saved = insert(articleId, c, body, parent, admin);
        if (saved == null) {
            counts[1]++;
        } else {
            counts[0]++;
        }
        placed.put(c.wordpressId(), saved);
        return saved;
    }

    private Comment insert(String articleId, ImportedComment c, String body, Comment parent, String admin) {
        Thread thread = parent == null ? Thread.TOP : Thread.under(parent);
        String id = new ObjectId().toHexString();
        CommentStatus status = CommentStatus.valueOf(c.status().toUpperCase(Locale.ROOT));
        Instant at = c.createdAt().truncatedTo(ChronoUnit.MILLIS);
        String name = PersianText.normalizeLine(c.authorName());
        String email = c.authorEmail() == null || c.authorEmail().isBlank() ? null
                : c.authorEmail().strip().toLowerCase(Locale.ROOT);
        String url = c.authorUrl() == null || !c.authorUrl().strip().matches("(?i)https?://\\S+") ? null
                : c.authorUrl().strip();
        Comment comment = new Comment(id, articleId, thread.parentId(), parent == null ? null : parent.id(),
                thread.rootId() == null ? id : thread.rootId(), thread.ancestors(), thread.depth(),
                name == null || name.isEmpty() ? ANONYMOUS : name, email, url, false, body, status, null, List.of(),
                c.authorIp() == null || c.authorIp().isBlank() ? null : IpPrefixes.of(c.authorIp().strip()),
                false, false, FINGERPRINT_PREFIX + c.wordpressId(), at,
                status == CommentStatus.APPROVED ? at : null, null, null, null, null, List.of(), null, List.of());
        try {
            return submission.insertWithEvents(comment, status == CommentStatus.APPROVED ? admin : null);
        } catch (DuplicateKeyException importedMeanwhile) {
            return null;
        }
    }

    /**
     * The same comment already here under another id: the export of this site imported into it
     * again (exported comments get new WordPress ids). Same article, author, text and second.
     */
    private boolean sameCommentExists(String articleId, ImportedComment c, String body) {
        Instant second = c.createdAt().truncatedTo(ChronoUnit.SECONDS);
        return mongo.exists(query(where("articleId").is(articleId).and("body").is(body)
                .and("createdAt").gte(second).lt(second.plusSeconds(1))), Comment.class);
    }

    private static String problem(ImportedComment c) {
        if (c.wordpressId() <= 0) {
            return "comment id must be a positive number";
        }
        if (c.createdAt() == null) {
            return "the comment has no date";
        }
        if (c.body() == null || c.body().isBlank()) {
            return "the comment is empty";
        }
        if (c.body().length() > MAX_BODY) {
            return "the comment is longer than " + MAX_BODY + " characters";
        }
        String status = c.status() == null ? "" : c.status().toUpperCase(Locale.ROOT);
        if (!List.of("APPROVED", "PENDING", "SPAM").contains(status)) {
            return "TRASH".equals(status) ? "trashed in WordPress; not imported"
                    : "unknown status '" + c.status() + "' (APPROVED, PENDING, SPAM or TRASH)";
        }
        return null;
    }
}
