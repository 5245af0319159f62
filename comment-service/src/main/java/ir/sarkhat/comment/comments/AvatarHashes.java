package ir.sarkhat.comment.comments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The public identity of a commenter: hex SHA-256 of a server-side salt and the lowercased email.
 * Stable for one email, so readers can tell who wrote what; unlike Gravatar's plain MD5 of the email,
 * it cannot be reversed by hashing guessed addresses without the salt.
 */
@Component
public class AvatarHashes {

    private static final Logger log = LoggerFactory.getLogger(AvatarHashes.class);

    private static final String SETTINGS = "settings";
    private static final String SALT_ID = "identity-salt";

    private final byte[] salt;

    /**
     * Uses the configured salt, or else one generated once and kept in this service's database, so
     * avatars stay the same across restarts and instances.
     */
    @Autowired
    AvatarHashes(@Value("${sarkhat.comments.identity-salt:}") String configured, MongoTemplate mongo) {
        this(configured == null || configured.isBlank() ? storedSalt(mongo) : configured);
    }

    AvatarHashes(String salt) {
        if (salt == null || salt.isBlank()) {
            throw new IllegalArgumentException("The identity salt must not be empty");
        }
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    private static String storedSalt(MongoTemplate mongo) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        // $setOnInsert: the first instance to start decides, every later one reads the same value.
        mongo.upsert(Query.query(Criteria.where("_id").is(SALT_ID)),
                new Update().setOnInsert("value", Base64.getEncoder().encodeToString(random)), SETTINGS);
        Document stored = mongo.findById(SALT_ID, Document.class, SETTINGS);
        log.info("Using the commenter identity salt stored in the '{}' collection", SETTINGS);
        return stored.getString("value");
    }

    public String of(String email) {
        MessageDigest sha256 = sha256();
        sha256.update(salt);
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return HexFormat.of().formatHex(sha256.digest(normalized.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
