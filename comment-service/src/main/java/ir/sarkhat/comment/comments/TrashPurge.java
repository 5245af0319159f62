package ir.sarkhat.comment.comments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import ir.sarkhat.kit.events.OutboxEvent;
import ir.sarkhat.kit.events.OutboxRelay;

/**
 * Deletes trash older than the retention period (WordPress: 30 days) and emits CommentDeleted,
 * exactly once even with several instances running the job:
 * <ol>
 * <li>claim: a conditional write marks the comment {@code purgingSince} (a restore now fails on the
 * version; a claim left by a crashed instance is taken over after {@link #STALE_CLAIM});</li>
 * <li>a tombstone is inserted under {@code _id = commentId} holding the CommentDeleted event in its
 * outbox: the unique {@code _id} makes it once, and the event survives the comment;</li>
 * <li>the comment is deleted.</li>
 * </ol>
 * Tombstones keep the audit trail of the purged comment and expire after 90 days.
 */
@Service
public class TrashPurge {

    static final String TOMBSTONES = "tombstones";
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    static final Duration TOMBSTONE_TTL = Duration.ofDays(90);

    private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);

    private final MongoTemplate mongo;
    private final CommentEventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration retention;

    TrashPurge(MongoTemplate mongo, CommentEventFactory events, OutboxRelay relay, Clock clock,
            CommentsProperties properties) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
        this.retention = properties.trashRetention();
    }

    @Scheduled(fixedDelayString = "${sarkhat.comments.purge-interval:1h}", initialDelayString = "1m")
    void scheduled() {
        int purged = purge();
        if (purged > 0) {
            log.info("Purged {} comments from the trash", purged);
        }
    }

    /** @return how many comments this call deleted */
    public int purge() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = now.minus(retention);
        int purged = 0;
        List<Comment> due = mongo.find(query(where("status").is(CommentStatus.TRASH).and("trashedAt").lt(cutoff))
                .limit(500), Comment.class);
        for (Comment candidate : due) {
            if (claim(candidate, now) && bury(candidate, now)) {
                purged++;
            }
        }
        if (purged > 0) {
            relay.wakeUp();
        }
        return purged;
    }

    private boolean claim(Comment candidate, Instant now) {
        if (candidate.purgingSince() != null && candidate.purgingSince().isAfter(now.minus(STALE_CLAIM))) {
            return false;
        }
        Comment claimed = mongo.findAndModify(query(where("_id").is(candidate.id())
                .and("version").is(candidate.version()).and("status").is(CommentStatus.TRASH)),
                new Update().set("purgingSince", now).inc("version", 1), FindAndModifyOptions.options().returnNew(true),
                Comment.class);
        return claimed != null;
    }

    private boolean bury(Comment comment, Instant now) {
        OutboxEvent deleted = events.deleted(comment, now);
        Document tombstone = new Document("_id", comment.id())
                .append("articleId", comment.articleId())
                .append("deletedAt", java.util.Date.from(now))
                .append("expiresAt", java.util.Date.from(now.plus(TOMBSTONE_TTL)))
                .append("audit", mongo.getConverter().convertToMongoType(
                        comment.audit() == null ? List.of() : comment.audit()))
                .append("outbox", List.of(mongo.getConverter().convertToMongoType(deleted)));
        try {
            mongo.getCollection(TOMBSTONES).insertOne(tombstone);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() != 11000) {
                throw e;
            }
            // A previous attempt already wrote the tombstone (and its event): just finish the delete.
        } catch (DuplicateKeyException e) {
            // same as above, translated
        }
        mongo.remove(query(where("_id").is(comment.id()).and("status").is(CommentStatus.TRASH)), Comment.class);
        return true;
    }
}
