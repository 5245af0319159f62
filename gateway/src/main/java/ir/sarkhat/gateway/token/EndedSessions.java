package ir.sarkhat.gateway.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * Sessions ended while their access tokens can still be valid, as this gateway instance knows them: from its own
 * sign-outs at once, from the other instances' through the shared {@code session_revocations} collection. Every entry
 * lives one access-token lifetime plus two minutes (one for a refresh racing the sign-out, one of clock skew).
 */
@Component
public class EndedSessions {

    private static final int MAX_ENTRIES = 100_000;

    private final Cache<String, Boolean> sessions;
    private final Cache<String, Instant> accounts; // username → tokens issued before this second are refused

    public EndedSessions(SecurityProperties properties) {
        Duration keep = properties.accessTokenTtl().plus(Duration.ofMinutes(2));
        this.sessions = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(keep).build();
        this.accounts = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(keep).build();
    }

    /** Every token of these sessions, and with {@code allSessions} every token of the account issued before. */
    public void end(String username, Collection<String> sessionIds, boolean allSessions, Instant revokedBefore) {
        sessionIds.forEach(id -> sessions.put(id, Boolean.TRUE));
        if (allSessions) {
            accounts.asMap().merge(username, revokedBefore, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    boolean ended(String username, String sessionId, Instant issuedAt) {
        if (sessionId != null && sessions.getIfPresent(sessionId) != null) {
            return true;
        }
        Instant before = accounts.getIfPresent(username);
        return before != null && issuedAt != null && issuedAt.isBefore(before);
    }
}
