package ir.sarkhat.article.messaging;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import ir.sarkhat.article.comments.ApprovedComment;
import ir.sarkhat.article.comments.EventPosition;
import ir.sarkhat.article.comments.PublicComments;
import ir.sarkhat.kit.events.IncomingEvent;
import ir.sarkhat.kit.events.PoisonEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code comment-events} → the replica of public comments: CommentApproved shows a comment,
 * CommentRejected and CommentDeleted take it off the page. CommentSubmitted and other types are ignored.
 */
@Component
public class CommentEventsListener {

    static final String APPROVED = "sarkhat.comment.approved.v1";
    static final String REJECTED = "sarkhat.comment.rejected.v1";
    static final String DELETED = "sarkhat.comment.deleted.v1";
    private static final Logger log = LoggerFactory.getLogger(CommentEventsListener.class);

    private final PublicComments comments;
    private final JsonMapper json;

    CommentEventsListener(PublicComments comments, JsonMapper json) {
        this.comments = comments;
        this.json = json;
    }

    @KafkaListener(topics = "comment-events")
    void on(ConsumerRecord<String, String> record) {
        apply(IncomingEvent.from(record));
    }

    /**
     * Applies one comment event to the replica (idempotent: an event not newer than the comment's last one
     * changes nothing). Also called by the page cache, which must see the replica updated before it evicts.
     *
     * @return the article the event is about, or null for a type this replica ignores
     */
    public String apply(IncomingEvent event) {
        boolean applied;
        String articleId;
        switch (event.type()) {
            case APPROVED -> {
                Approved data = read(event, Approved.class);
                articleId = data.articleId();
                applied = comments.approved(new ApprovedComment(required(data.commentId(), "commentId", event),
                        required(data.articleId(), "articleId", event), data.parentId(), data.depth(),
                        data.authorName(), data.authorUrl(), data.avatarHash(), data.bodyHtml(), data.createdAt()),
                        position(event, data.approvedAt()));
            }
            case REJECTED -> {
                Removed data = read(event, Removed.class);
                articleId = data.articleId();
                applied = comments.removed(required(data.commentId(), "commentId", event),
                        required(data.articleId(), "articleId", event), position(event, data.rejectedAt()));
            }
            case DELETED -> {
                Removed data = read(event, Removed.class);
                articleId = data.articleId();
                applied = comments.removed(required(data.commentId(), "commentId", event),
                        required(data.articleId(), "articleId", event), position(event, data.deletedAt()));
            }
            default -> {
                log.debug("Ignoring {} {} on {}", event.type(), event.id(), event.topic());
                return null;
            }
        }
        log.debug("Comment event {} {}", event.id(), applied ? "applied" : "was not newer: ignored");
        return articleId;
    }

    /** The event's own time from its data, else the envelope's ce_time: without either it cannot be ordered. */
    static EventPosition position(IncomingEvent event, Instant dataTime) {
        Instant time = dataTime != null ? dataTime : event.time();
        if (time == null) {
            throw new PoisonEventException("Event " + event.id() + " (" + event.type() + ") has no time to order it by");
        }
        return new EventPosition(event.id(), time, event.partition(), event.offset());
    }

    private <T> T read(IncomingEvent event, Class<T> type) {
        try {
            T data = json.readValue(event.data(), type);
            if (data == null) {
                throw new PoisonEventException("Event " + event.id() + " (" + event.type() + ") has null data");
            }
            return data;
        } catch (JacksonException e) {
            throw new PoisonEventException("Event " + event.id() + " is not a readable " + event.type(), e);
        }
    }

    private static String required(String value, String field, IncomingEvent event) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("Event " + event.id() + " (" + event.type() + ") lacks " + field);
        }
        return value;
    }

    /** Tolerant reader of sarkhat.comment.approved.v1: the display fields, never more. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Approved(String commentId, String articleId, String parentId, Integer depth, String authorName,
            String authorUrl, String avatarHash, String bodyHtml, Instant createdAt, Instant approvedAt) {
    }

    /** Tolerant reader of sarkhat.comment.rejected.v1 and sarkhat.comment.deleted.v1: which comment, and when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Removed(String commentId, String articleId, Instant rejectedAt, Instant deletedAt) {
    }
}
