package ir.sarkhat.kit.events;

import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

/**
 * One relay per outbox collection at a time, however many instances run: a lease document
 * {@code {_id: collection, owner, until}} in {@code outbox_leases}, taken or renewed with one conditional
 * upsert. Without it every instance would send every pending event (consumers would drop the copies by
 * {@code ce_id}, but the records, and the reordering of one article's events between relays, are real).
 * A relay that stops gives its leases back; one that dies loses them when they expire.
 */
class OutboxLeases {

    static final String COLLECTION = "outbox_leases";

    private final MongoTemplate mongo;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();

    OutboxLeases(MongoTemplate mongo, Duration lease) {
        this.mongo = mongo;
        this.lease = lease;
    }

    /** Takes or renews the lease of one outbox collection; false while another relay holds it. */
    boolean hold(String outbox) {
        Date now = new Date();
        try {
            Document lease = mongo.getCollection(COLLECTION).findOneAndUpdate(
                    and(eq("_id", outbox), or(eq("owner", owner), lt("until", now))),
                    Updates.combine(Updates.set("owner", owner),
                            Updates.set("until", new Date(now.getTime() + this.lease.toMillis()))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return lease != null && owner.equals(lease.getString("owner"));
        } catch (MongoException e) {
            if (e.getCode() == 11000) {
                return false; // the upsert met another relay's live lease
            }
            throw e;
        }
    }

    void release(String outbox) {
        mongo.getCollection(COLLECTION).deleteOne(and(eq("_id", outbox), eq("owner", owner)));
    }
}
