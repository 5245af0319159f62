package ir.sarkhat.gateway.auth;

import java.util.List;

/**
 * The StaffSessionsRevoked event data, exactly as in {@code contracts/events/staff-sessions-revoked.v1.schema.json}.
 * Times are RFC 3339 strings so the wire form does not depend on a mapper's date settings.
 */
record SessionsRevoked(
        String username,
        List<String> sessionIds,
        boolean allSessions,
        String revokedBefore,
        String tokensExpireBy) {
}
