package ir.sarkhat.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import ir.sarkhat.gateway.problem.ProblemException;
import ir.sarkhat.gateway.token.SecurityProperties;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Rotating refresh tokens in {@code refresh_tokens}: {@code {_id: SHA-256 of the token, family, username, createdAt,
 * expiresAt, familyExpiresAt, used, revoked}}. Only the hash is stored, so a database leak gives no usable token.
 * <p>
 * Each token works once: using it marks it used (atomically) and gives a new one in the same family. A token that is
 * used a second time means it was copied: the whole family is revoked, signing out both the thief and the user. A
 * family ends at {@code sessionMaxAge} after the sign-in whatever the activity; logout revokes it. A family is a session:
 * its id is the {@code sid} of the access tokens issued with it, so revoking it also ends them ({@link SessionRevocations}).
 */
@Component
class RefreshTokens implements SessionRevocation {

    static final String COLLECTION = "refresh_tokens";
    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVALID = "The refresh token is invalid, expired or revoked. Sign in again.";

    private final ReactiveMongoTemplate mongo;
    private final SecurityProperties properties;
    private final SessionRevocations revocations;
    private final Clock clock;

    @Autowired
    RefreshTokens(ReactiveMongoTemplate mongo, SecurityProperties properties, SessionRevocations revocations) {
        this(mongo, properties, revocations, Clock.systemUTC());
    }

    RefreshTokens(ReactiveMongoTemplate mongo, SecurityProperties properties, SessionRevocations revocations,
            Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** Who a refresh was for; the caller issues the new access token with the account's current roles. */
    record Rotated(String username, String family, Instant familyExpiresAt) {
    }

    /** A new session id: the family of its refresh tokens and the {@code sid} of its access tokens. */
    static String newFamily() {
        return UUID.randomUUID().toString();
    }

    /** A new token starting a new family (a sign-in). */
    Mono<String> startFamily(String username, String family) {
        Instant now = clock.instant();
        return issue(username, family, now.plus(properties.sessionMaxAge()));
    }

    /**
     * The next token of a family. A sign-out that ran between the use of the previous token and this insert would
     * leave this one live in an ended session: the family is checked after the insert, and the token revoked and
     * refused (401) if the session has ended meanwhile.
     */
    Mono<String> issue(String username, String family, Instant familyExpiresAt) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.refreshTokenTtl());
        if (expires.isAfter(familyExpiresAt)) {
            expires = familyExpiresAt;
        }
        String token = newToken();
        Document doc = new Document("_id", hash(token))
                .append("family", family)
                .append("username", username)
                .append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(expires))
                .append("familyExpiresAt", Date.from(familyExpiresAt))
                .append("used", false)
                .append("revoked", false);
        return mongo.insert(doc, COLLECTION)
                .then(mongo.exists(Query.query(Criteria.where("family").is(family).and("revoked").is(true)), COLLECTION))
                .flatMap(ended -> ended
                        ? revokeFamily(username, family).then(Mono.<String>error(ProblemException.unauthorized(INVALID)))
                        : Mono.just(token));
    }

    /** Marks the token used and says whose it was; a second use revokes its family. Errors with 401. */
    Mono<Rotated> use(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Mono.error(ProblemException.unauthorized(INVALID));
        }
        String id = hash(token);
        Instant now = clock.instant();
        Query fresh = Query.query(Criteria.where("_id").is(id).and("used").is(false).and("revoked").is(false)
                .and("expiresAt").gt(Date.from(now)));
        Update markUsed = new Update().set("used", true).set("usedAt", Date.from(now));
        return mongo.findAndModify(fresh, markUsed, FindAndModifyOptions.options().returnNew(true), Document.class,
                        COLLECTION)
                .map(doc -> new Rotated(doc.getString("username"), doc.getString("family"),
                        doc.getDate("familyExpiresAt").toInstant()))
                .switchIfEmpty(Mono.defer(() -> refuse(id)));
    }

    /** Logout: the token's family is revoked. Unknown tokens are ignored (logging out twice is fine). */
    Mono<Void> revokeFamilyOf(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Mono.empty();
        }
        return mongo.findById(hash(token), Document.class, COLLECTION)
                .flatMap(doc -> revokeFamily(doc.getString("username"), doc.getString("family")))
                .then();
    }

    /** Ends one session: its refresh tokens, and its access tokens everywhere (once, not on a repeated sign-out). */
    Mono<Void> revokeFamily(String username, String family) {
        return mongo.updateMulti(Query.query(Criteria.where("family").is(family).and("revoked").is(false)),
                        new Update().set("revoked", true), COLLECTION)
                .flatMap(result -> result.getModifiedCount() > 0
                        ? revocations.revoke(username, List.of(family), false)
                        : Mono.empty());
    }

    /** Every session of an account ends (disabled, password reset), with every access token issued before. */
    @Override
    public Mono<Void> endAll(String username) {
        Query live = Query.query(Criteria.where("username").is(username).and("revoked").is(false));
        live.fields().include("family");
        return mongo.find(live, Document.class, COLLECTION)
                .map(doc -> doc.getString("family"))
                .distinct()
                .collectList()
                .flatMap(families -> mongo.updateMulti(
                                Query.query(Criteria.where("username").is(username).and("revoked").is(false)),
                                new Update().set("revoked", true), COLLECTION)
                        .then(revocations.revoke(username, families, true)));
    }

    Duration ttl() {
        return properties.refreshTokenTtl();
    }

    private Mono<Rotated> refuse(String id) {
        return mongo.findById(id, Document.class, COLLECTION)
                .flatMap(doc -> {
                    if (Boolean.TRUE.equals(doc.getBoolean("used")) && !Boolean.TRUE.equals(doc.getBoolean("revoked"))) {
                        log.warn("A used refresh token of '{}' was presented again: revoking its family",
                                doc.getString("username"));
                        return revokeFamily(doc.getString("username"), doc.getString("family"));
                    }
                    return Mono.empty();
                })
                .then(Mono.error(ProblemException.unauthorized(INVALID)));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
