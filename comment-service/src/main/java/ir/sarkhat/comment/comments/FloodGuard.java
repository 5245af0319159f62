package ir.sarkhat.comment.comments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One comment per IP and per email within the flood interval (WordPress: 15 s). A mark per sender
 * lives in {@value #COLLECTION} under a salted hash (never the IP or email itself) until it
 * expires; taking a mark is one atomic upsert, so two instances cannot both let a flood through.
 */
@Component
class FloodGuard implements InitializingBean {

    static final String COLLECTION = "flood_marks";
    private static final String SALT_ID = "flood-salt";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration interval;
    private byte[] salt;

    FloodGuard(MongoTemplate mongo, Clock clock, CommentsProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.interval = properties.floodInterval();
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expires"));
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        // Shared by every instance: the first to start decides.
        mongo.upsert(query(where("_id").is(SALT_ID)),
                new Update().setOnInsert("value", Base64.getEncoder().encodeToString(random)), "settings");
        salt = mongo.findById(SALT_ID, Document.class, "settings").getString("value").getBytes(StandardCharsets.UTF_8);
    }

    /** Takes the marks for this IP and email, or throws {@link TooManyComments} when one is still fresh. */
    void admit(String ip, String email) {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        for (String who : new String[] { ip == null ? null : "ip:" + ip, email == null ? null : "email:" + email }) {
            if (who != null) {
                take(hash(who), now);
            }
        }
    }

    private void take(String id, Instant now) {
        try {
            // Matches only an expired mark (or none: then it inserts); a fresh one makes the insert collide.
            mongo.findAndModify(query(where("_id").is(id).and("expiresAt").lte(now)),
                    new Update().set("expiresAt", now.plus(interval)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        } catch (DuplicateKeyException e) {
            Document mark = mongo.findById(id, Document.class, COLLECTION);
            long wait = interval.toSeconds();
            if (mark != null && mark.getDate("expiresAt") != null) {
                long millis = mark.getDate("expiresAt").toInstant().toEpochMilli() - now.toEpochMilli();
                wait = Math.max(1, (millis + 999) / 1000);
            }
            throw new TooManyComments(wait);
        }
    }

    private String hash(String who) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return HexFormat.of().formatHex(sha256.digest(who.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
