package ir.sarkhat.comment.notifications.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import ir.sarkhat.comment.notifications.CommentNotifications;
import ir.sarkhat.kit.events.IncomingEvent;
import ir.sarkhat.kit.events.PoisonEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mails from the service's own comment-events, in a consumer group of their own so a slow or failing
 * SMTP server never holds up anything else. A send that fails is retried with the kit's back-off and
 * then dead-lettered to comment-events-dlt; other event types are skipped.
 */
@Component
class CommentMailListener {

    static final String TOPIC = "comment-events";
    static final String GROUP = "comment-service-notifications";
    static final String SUBMITTED = "sarkhat.comment.submitted.v1";
    static final String APPROVED = "sarkhat.comment.approved.v1";

    private final CommentNotifications notifications;
    private final JsonMapper json;

    CommentMailListener(CommentNotifications notifications, JsonMapper json) {
        this.notifications = notifications;
        this.json = json;
    }

    @KafkaListener(topics = TOPIC, groupId = GROUP)
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case SUBMITTED -> {
                CommentEventV1 data = read(event);
                notifications.submitted(event.id(), data.commentId(), data.status());
            }
            case APPROVED -> notifications.approved(event.id(), read(event).commentId());
            default -> {
                // Rejections and deletions send no mail.
            }
        }
    }

    private CommentEventV1 read(IncomingEvent event) {
        CommentEventV1 data;
        try {
            data = json.readValue(event.data(), CommentEventV1.class);
        } catch (JacksonException e) {
            throw new PoisonEventException("Event " + event.id() + " is not a readable comment event", e);
        }
        if (data == null || data.commentId() == null || data.commentId().isBlank()) {
            throw new PoisonEventException("Event " + event.id() + " has no commentId");
        }
        return data;
    }
}
