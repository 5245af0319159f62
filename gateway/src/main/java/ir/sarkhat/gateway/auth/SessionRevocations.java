package ir.sarkhat.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import ir.sarkhat.gateway.token.EndedSessions;
import ir.sarkhat.gateway.token.SecurityProperties;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends sessions' access tokens everywhere. Each revocation is one document in {@code session_revocations}
 * ({@code {_id: ce_id, username, time, revokedAt, data, pending, expiresAt}}), written before the sign-out answers: this
 * instance refuses the tokens at once, the other gateway instances read the collection
 * ({@link SessionRevocationFeed}), and the relay hands it to Kafka for the services ({@link SessionRevocationRelay}).
 * The document is the outbox: a Kafka outage delays the services' refusal but loses nothing. It expires with the last
 * token it refuses (TTL index).
 */
@Component
class SessionRevocations {

    static final String COLLECTION = "session_revocations";
    static final String TYPE = "sarkhat.staff.sessions-revoked.v1";
    /** A refresh that raced the sign-out may have signed one more token of the session a moment later. */
    private static final Duration RACE_MARGIN = Duration.ofMinutes(1);
    // Own mapper: the contract must not change with the web layer's Jackson settings.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReactiveMongoTemplate mongo;
    private final EndedSessions ended;
    private final Duration accessTokenTtl;
    private final Clock clock;

    @Autowired
    SessionRevocations(ReactiveMongoTemplate mongo, EndedSessions ended, SecurityProperties properties) {
        this(mongo, ended, properties, Clock.systemUTC());
    }

    SessionRevocations(ReactiveMongoTemplate mongo, EndedSessions ended, SecurityProperties properties, Clock clock) {
        this.mongo = mongo;
        this.ended = ended;
        this.accessTokenTtl = properties.accessTokenTtl();
        this.clock = clock;
    }

    /**
     * @param sessionIds  the ended sessions (refresh-token families)
     * @param allSessions every session of the account ended (disabled, password reset): its tokens issued before this
     *                    second are refused too, whatever their session
     */
    Mono<Void> revoke(String username, List<String> sessionIds, boolean allSessions) {
        Instant now = clock.instant();
        // iat has whole seconds: "before this second" never refuses a sign-in made right after; a token signed
        // earlier in this same second carries one of the listed sessions.
        Instant revokedBefore = now.truncatedTo(ChronoUnit.SECONDS);
        Instant tokensExpireBy = now.plus(accessTokenTtl).plus(RACE_MARGIN);
        SessionsRevoked data = new SessionsRevoked(username, List.copyOf(sessionIds), allSessions,
                revokedBefore.toString(), tokensExpireBy.toString());
        ended.end(username, sessionIds, allSessions, revokedBefore);
        Document doc = new Document("_id", UUID.randomUUID().toString())
                .append("username", username)
                .append("time", now.toString())
                .append("revokedAt", Date.from(now))
                .append("data", JSON.writeValueAsString(data))
                .append("pending", true)
                .append("expiresAt", Date.from(tokensExpireBy));
        return mongo.insert(doc, COLLECTION).then();
    }

    static SessionsRevoked read(Document doc) {
        return JSON.readValue(doc.getString("data"), SessionsRevoked.class);
    }
}
