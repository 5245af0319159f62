package ir.sarkhat.comment.notifications;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Addresses that asked for no more mail. Kept as a salted hash of the lowercased address (HMAC under
 * the link secret), so this list is not a list of email addresses; checked before every commenter mail.
 */
@Component
class Unsubscriptions {

    static final String COLLECTION = "unsubscribed_emails";

    private final MongoTemplate mongo;
    private final SignedLinks links;
    private final Clock clock;

    Unsubscriptions(MongoTemplate mongo, SignedLinks links, Clock clock) {
        this.mongo = mongo;
        this.links = links;
        this.clock = clock;
    }

    boolean isUnsubscribed(String email) {
        return email != null && mongo.exists(query(where("_id").is(key(email))), COLLECTION);
    }

    /**
     * Records the address and clears the notify flags of all its comments. Both writes are idempotent,
     * so a second click (or the mail client's one-click POST after the reader's own) changes nothing.
     */
    void unsubscribe(String email) {
        mongo.upsert(query(where("_id").is(key(email))), new Update().setOnInsert("since", Date.from(clock.instant())),
                COLLECTION);
        mongo.updateMulti(query(where("authorEmail").regex("^" + Pattern.quote(email.strip()) + "$", "i")),
                new Update().set("notifyApproval", false).set("notifyReplies", false), CommentDocuments.COMMENTS);
    }

    String key(String email) {
        return HexFormat.of().formatHex(links.sign("unsubscribe:" + email.strip().toLowerCase(Locale.ROOT)));
    }
}
