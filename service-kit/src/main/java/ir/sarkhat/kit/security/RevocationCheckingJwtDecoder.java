package ir.sarkhat.kit.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A gateway token that verifies but belongs to an ended session is refused like an invalid one (401). Only the
 * gateway's own tokens are checked here: an external provider's {@code sub} and {@code sid} mean something else.
 */
final class RevocationCheckingJwtDecoder implements JwtDecoder {

    static final String SESSION_CLAIM = "sid";

    private final JwtDecoder verified;
    private final RevokedSessions revoked;

    RevocationCheckingJwtDecoder(JwtDecoder verified, RevokedSessions revoked) {
        this.verified = verified;
        this.revoked = revoked;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.decode(token);
        if (revoked.isRevoked(jwt.getSubject(), jwt.getClaimAsString(SESSION_CLAIM), jwt.getIssuedAt())) {
            throw new BadJwtException("The session of this token has ended (signed out or account changed)");
        }
        return jwt;
    }
}
