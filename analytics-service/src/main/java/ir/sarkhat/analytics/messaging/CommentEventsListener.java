package ir.sarkhat.analytics.messaging;

import static ir.sarkhat.analytics.messaging.EventData.required;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ir.sarkhat.analytics.comment.CommentStates;
import ir.sarkhat.analytics.comment.CommentStatus;
import ir.sarkhat.analytics.stats.ArticleStatsRefresher;
import ir.sarkhat.kit.events.IncomingEvent;
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
        if (CommentSubmitted.TYPE.equals(event.type())) {
            CommentSubmitted data = EventData.read(json, event, CommentSubmitted.class);
            articleId = required(data.articleId(), "articleId", event);
            comments.submitted(required(data.commentId(), "commentId", event), articleId,
                    CommentStatus.fromEvent(data.status()));
        } else if (CommentApproved.TYPE.equals(event.type())) {
            CommentApproved data = EventData.read(json, event, CommentApproved.class);
            articleId = required(data.articleId(), "articleId", event);
            comments.approved(required(data.commentId(), "commentId", event), articleId);
        } else {
            return;
        }
        stats.refresh(articleId);
    }
}
