package ir.sarkhat.comment.notifications;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Which mails went out, so a redelivered event mails nobody twice: {@code _id} = ce_id + ":" + kind.
 * Commenter mails also remember the comment, so approving a comment again after an unapprove or a
 * restore does not tell its author a second time. A mail is recorded after the SMTP server took it:
 * a crash in between may send it twice, never zero times.
 */
@Component
class SentNotifications implements InitializingBean {

    static final String COLLECTION = "sent_notifications";

    private final MongoTemplate mongo;
    private final Clock clock;

    SentNotifications(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("commentId", Direction.ASC).named("comment"));
    }

    boolean alreadySent(String eventId, MailKind kind, String commentId) {
        return mongo.exists(query(where("_id").is(id(eventId, kind))), COLLECTION)
                || kind.oncePerComment()
                        && mongo.exists(query(where("commentId").is(commentId).and("kind").is(kind.name())), COLLECTION);
    }

    void recordSent(String eventId, MailKind kind, String commentId) {
        Document sent = new Document("_id", id(eventId, kind)).append("kind", kind.name())
                .append("commentId", commentId).append("sentAt", Date.from(clock.instant()));
        try {
            mongo.insert(sent, COLLECTION);
        } catch (DuplicateKeyException e) {
            // A concurrent redelivery recorded it first: nothing to add.
        }
    }

    private static String id(String eventId, MailKind kind) {
        return eventId + ":" + kind.name();
    }
}
