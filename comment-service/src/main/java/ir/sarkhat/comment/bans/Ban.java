package ir.sarkhat.comment.bans;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A ban on an email or an IP address until {@code expiresAt} (a TTL index removes it later). The IP
 * is stored as the moderator typed it: this is staff data, not a reader's record.
 */
@Document(Ban.COLLECTION)
public record Ban(@Id String id, String email, String ip, String reason, String createdBy, Instant createdAt,
        Instant expiresAt) {

    static final String COLLECTION = "bans";
}
