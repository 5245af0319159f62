package ir.sarkhat.comment.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import ir.sarkhat.kit.problem.ApiProblem;

/**
 * Tokens for the one-click links in mails: {@code base64url(commentId.ACTION.expEpochSeconds)} + "." +
 * {@code base64url(HMAC-SHA256(secret, payload))}. Whoever holds the link may do exactly that one thing
 * to that one comment until it expires, and nothing else; changing a character breaks the signature.
 * The secret is configured, or generated once and kept in the {@code settings} collection so links
 * survive restarts and work on every instance.
 */
@Component
public class SignedLinks {

    /** Moderators' approve/spam links. */
    static final Duration ACTION_TTL = Duration.ofDays(7);
    /** Unsubscribe links must keep working long after the mail was read (RFC 8058 asks for no login). */
    static final Duration UNSUBSCRIBE_TTL = Duration.ofDays(365);

    private static final Logger log = LoggerFactory.getLogger(SignedLinks.class);
    private static final String SETTINGS = "settings";
    private static final String SECRET_ID = "link-secret";
    private static final Pattern COMMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    @Autowired
    SignedLinks(@Value("${sarkhat.comments.link-secret:}") String configured, MongoTemplate mongo, Clock clock) {
        this(configured == null || configured.isBlank() ? storedSecret(mongo) : configured, clock);
    }

    SignedLinks(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** A token for this action on this comment, valid for the action's usual lifetime. */
    public String issue(String commentId, LinkAction action) {
        Duration ttl = action == LinkAction.UNSUBSCRIBE ? UNSUBSCRIBE_TTL : ACTION_TTL;
        return issue(commentId, action, clock.instant().plus(ttl));
    }

    String issue(String commentId, LinkAction action, Instant expiresAt) {
        String payload = commentId + "." + action.name() + "." + expiresAt.getEpochSecond();
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(sign(payload));
    }

    /**
     * The claim of a genuine, unexpired token.
     *
     * @throws ApiProblem 400 when the token was not made here or was altered, 410 when it expired
     */
    public LinkClaim verify(String token) {
        LinkClaim claim = parse(token);
        if (!clock.instant().isBefore(claim.expiresAt())) {
            throw new ApiProblem(HttpStatus.GONE, "Link expired",
                    "This link has expired. Open the comment in the moderation console instead.");
        }
        return claim;
    }

    private LinkClaim parse(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 2) {
            throw invalid();
        }
        try {
            String payload = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(sign(payload), B64D.decode(parts[1]))) {
                throw invalid();
            }
            String[] fields = payload.split("\\.");
            if (fields.length != 3 || !COMMENT_ID.matcher(fields[0]).matches()) {
                throw invalid();
            }
            return new LinkClaim(fields[0], LinkAction.valueOf(fields[1].toUpperCase(Locale.ROOT)),
                    Instant.ofEpochSecond(Long.parseLong(fields[2])));
        } catch (IllegalArgumentException e) { // bad base64, unknown action, bad number
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest("This link is not valid. Copy the whole link from the mail, or open the moderation console.");
    }

    /** HMAC of a text under the link secret; also the salted key of an email address. */
    byte[] sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String storedSecret(MongoTemplate mongo) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        // $setOnInsert: the first instance to start decides, every later one reads the same value.
        mongo.upsert(Query.query(Criteria.where("_id").is(SECRET_ID)),
                new Update().setOnInsert("value", Base64.getEncoder().encodeToString(random)), SETTINGS);
        Document stored = mongo.findById(SECRET_ID, Document.class, SETTINGS);
        log.info("Using the mail link secret stored in the '{}' collection", SETTINGS);
        return stored.getString("value");
    }
}
