package ir.sarkhat.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * The staff sessions the gateway has ended, in memory: an access token of an ended session ({@code sid}), or of an
 * account whose sessions all ended and issued before that ({@code iat}), is refused until it would have expired anyway.
 * Entries are forgotten then, so the lists hold at most one access-token lifetime of sign-outs.
 */
public final class RevokedSessions {

    /** Spring Security's JWT validators accept a token this long past its {@code exp}: keep entries as long. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final Cache<String, Instant> sessions; // sid → forget at
    private final Cache<String, Account> accounts; // username → tokens issued before, forget at

    private record Account(Instant issuedBefore, Instant forgetAt) {

        Account merge(Account other) {
            return new Account(later(issuedBefore, other.issuedBefore), later(forgetAt, other.forgetAt));
        }
    }

    public RevokedSessions(Clock clock) {
        this.clock = clock;
        this.sessions = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfter(new ForgetAt<String, Instant>() {
            @Override
            Instant forgetAt(Instant value) {
                return value;
            }
        }).build();
        this.accounts = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfter(new ForgetAt<String, Account>() {
            @Override
            Instant forgetAt(Account value) {
                return value.forgetAt();
            }
        }).build();
    }

    /**
     * Records a revocation; applying the same one twice, or an older one after a newer one, changes nothing.
     *
     * @param sessionIds     sessions whose every token is refused
     * @param allSessions    whether {@code username}'s tokens issued before {@code revokedBefore} are refused too
     * @param revokedBefore  a whole second (token {@code iat}s are whole seconds)
     * @param tokensExpireBy no refused token is valid after this
     */
    public void revoke(String username, Collection<String> sessionIds, boolean allSessions, Instant revokedBefore,
            Instant tokensExpireBy) {
        Instant forgetAt = tokensExpireBy.plus(CLOCK_SKEW);
        if (!forgetAt.isAfter(clock.instant())) {
            return; // every token it names has expired
        }
        for (String sessionId : sessionIds) {
            sessions.asMap().merge(sessionId, forgetAt, RevokedSessions::later);
        }
        if (allSessions && username != null && revokedBefore != null) {
            accounts.asMap().merge(username, new Account(revokedBefore, forgetAt), Account::merge);
        }
    }

    /** Whether a gateway token of this user, session ({@code sid}, may be null) and {@code iat} was revoked. */
    public boolean isRevoked(String username, String sessionId, Instant issuedAt) {
        if (sessionId != null && sessions.getIfPresent(sessionId) != null) {
            return true;
        }
        Account account = username == null ? null : accounts.getIfPresent(username);
        return account != null && issuedAt != null && issuedAt.isBefore(account.issuedBefore());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Each entry lives until its own instant, also after a merge moved that instant. */
    private abstract class ForgetAt<K, V> implements Expiry<K, V> {

        abstract Instant forgetAt(V value);

        @Override
        public long expireAfterCreate(K key, V value, long currentTime) {
            return Math.max(0, Duration.between(clock.instant(), forgetAt(value)).toNanos());
        }

        @Override
        public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
