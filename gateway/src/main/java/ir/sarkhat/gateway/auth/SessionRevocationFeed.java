package ir.sarkhat.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import ir.sarkhat.gateway.token.EndedSessions;
import ir.sarkhat.gateway.token.SecurityProperties;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells this gateway instance about the sessions other instances ended: every second it reads the revocations stored
 * since the last read (by {@code revokedAt}, indexed; re-reading the last 30 s covers clock skew between instances and
 * inserts that land late). At start it reads back one access-token lifetime. Applying one twice changes nothing.
 */
@Component
class SessionRevocationFeed {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocationFeed.class);
    private static final Duration OVERLAP = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final EndedSessions ended;
    private final Clock clock = Clock.systemUTC();
    private Instant readFrom;

    SessionRevocationFeed(ReactiveMongoTemplate mongo, EndedSessions ended, SecurityProperties properties) {
        this.mongo = mongo;
        this.ended = ended;
        this.readFrom = clock.instant().minus(properties.accessTokenTtl()).minus(Duration.ofMinutes(2));
    }

    @Scheduled(fixedDelayString = "${sarkhat.security.revocations.feed-interval:1s}")
    void readScheduled() {
        try {
            readOnce();
        } catch (RuntimeException e) {
            log.warn("Could not read the session revocations; will retry: {}", e.toString());
        }
    }

    synchronized int readOnce() {
        Query since = Query.query(Criteria.where("revokedAt").gte(Date.from(readFrom.minus(OVERLAP))));
        List<Document> docs = mongo.find(since, Document.class, SessionRevocations.COLLECTION).collectList()
                .block(Duration.ofSeconds(30));
        for (Document doc : docs == null ? List.<Document>of() : docs) {
            SessionsRevoked revoked = SessionRevocations.read(doc);
            ended.end(revoked.username(), revoked.sessionIds(), revoked.allSessions(),
                    Instant.parse(revoked.revokedBefore()));
            Instant at = doc.getDate("revokedAt").toInstant();
            readFrom = at.isAfter(readFrom) ? at : readFrom;
        }
        return docs == null ? 0 : docs.size();
    }
}
