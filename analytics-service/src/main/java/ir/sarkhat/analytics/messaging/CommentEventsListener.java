package ir.sarkhat.analytics.messaging;

import static ir.sarkhat.analytics.messaging.EventData.required;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ir.sarkhat.analytics.comment.CommentStates;
import ir.sarkhat.analytics.comment.CommentStatus;
import ir.sarkhat.analytics.comment.EventPosition;
import ir.sarkhat.analytics.stats.ArticleStatsRefresher;
import ir.sarkhat.kit.events.IncomingEvent;
import ir.sarkhat.kit.events.PoisonEventException;
import tools.jackson.databind.json.JsonMapper;

/** Keeps each comment's state from comment events and recounts the article's approved comments. */
@Component
class CommentEventsListener {

    static final String TOPIC = "comment-events";

    private final CommentStates comments;
    private final ArticleStatsRefresher stats;
    private final JsonMapper json;

    CommentEventsListener(CommentStates comments, ArticleStatsRefresher stats, JsonMapper json) {
        this.comments = comments;
        this.stats = stats;
        this.json = json;
    }

    @KafkaListener(topics = TOPIC)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        String articleId;
        switch (event.type()) {
            case CommentSubmitted.TYPE -> {
                CommentSubmitted data = EventData.read(json, event, CommentSubmitted.class);
                articleId = required(data.articleId(), "articleId", event);
                comments.submitted(required(data.commentId(), "commentId", event), articleId,
                        CommentStatus.fromEvent(data.status()), position(event, data.submittedAt()));
            }
            case CommentApproved.TYPE -> {
                CommentApproved data = EventData.read(json, event, CommentApproved.class);
                articleId = required(data.articleId(), "articleId", event);
                comments.approved(required(data.commentId(), "commentId", event), articleId,
                        position(event, data.approvedAt()));
            }
            case CommentRejected.TYPE -> {
                CommentRejected data = EventData.read(json, event, CommentRejected.class);
                articleId = required(data.articleId(), "articleId", event);
                comments.rejected(required(data.commentId(), "commentId", event), articleId,
                        CommentStatus.fromEvent(required(data.status(), "status", event)),
                        position(event, data.rejectedAt()));
            }
            case CommentDeleted.TYPE -> {
                CommentDeleted data = EventData.read(json, event, CommentDeleted.class);
                articleId = required(data.articleId(), "articleId", event);
                comments.deleted(required(data.commentId(), "commentId", event), articleId,
                        position(event, data.deletedAt()));
            }
            default -> {
                return;
            }
        }
        // Always recount: a recount that failed after an earlier apply is repaired by its redelivery.
        stats.refresh(articleId);
    }

    /** The event's own time from its data, else the envelope's ce_time: without either it cannot be ordered. */
    static EventPosition position(IncomingEvent event, Instant dataTime) {
        Instant time = dataTime != null ? dataTime : event.time();
        if (time == null) {
            throw new PoisonEventException("Event " + event.id() + " (" + event.type() + ") has no time to order it by");
        }
        return new EventPosition(event.id(), time, event.partition(), event.offset());
    }
}
