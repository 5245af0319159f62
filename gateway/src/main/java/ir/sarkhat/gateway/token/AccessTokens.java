package ir.sarkhat.gateway.token;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import ir.sarkhat.gateway.problem.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies staff access tokens: RS256 JWTs with {@code kid}, {@code iss}, {@code aud=sarkhat}, {@code sub},
 * {@code roles}, {@code sid} (the sign-in session), {@code iat}, {@code exp} and {@code jti}. The services verify the
 * same tokens against the JWKS; the gateway verifies them itself only for its own admin endpoints. Both refuse the
 * tokens of ended sessions (sign-out, disabled account, password reset).
 */
@Component
public class AccessTokens {

    public static final String AUDIENCE = "sarkhat";
    static final String SESSION_CLAIM = "sid";

    private final SigningKeys keys;
    private final SecurityProperties properties;
    private final ConfigurableJWTProcessor<SecurityContext> processor;
    private final EndedSessions ended;

    AccessTokens(SigningKeys keys, SecurityProperties properties, EndedSessions ended) {
        this.keys = keys;
        this.properties = properties;
        this.ended = ended;
        // The key source reads the current set on every call, so a refresh takes effect at once.
        JWKSource<SecurityContext> source = (selector, context) -> selector.select(keys.publicKeys());
        DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
        jwt.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
        jwt.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                AUDIENCE,
                new JWTClaimsSet.Builder().issuer(properties.issuer()).build(),
                new HashSet<>(List.of("sub", "exp", "iat", "roles"))));
        this.processor = jwt;
    }

    /**
     * Signs a token of one sign-in session (the refresh-token family), so that ending the session refuses it.
     * CPU-bound (an RSA private-key operation): call it off the event loop.
     */
    public IssuedToken issue(String username, List<String> roles, String sessionId) {
        RSAKey key = keys.signingKey();
        Instant now = Instant.now();
        Instant expires = now.plus(properties.accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(AUDIENCE)
                .subject(username)
                .claim("roles", List.copyOf(roles))
                .claim(SESSION_CLAIM, sessionId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return new IssuedToken(jwt.serialize(), properties.accessTokenTtl().toSeconds());
    }

    /**
     * Verifies an {@code Authorization} header value ({@code Bearer <jwt>}): signature, issuer, audience, expiry, and
     * that its session has not ended.
     *
     * @throws ProblemException 401 when the header is missing or the token is not valid
     */
    public StaffPrincipal verify(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.invalidToken("A bearer token is required: log in at /api/auth/login.");
        }
        String token = authorizationHeader.substring(7).trim();
        try {
            JWTClaimsSet claims = processor.process(token, null);
            if (ended.ended(claims.getSubject(), claims.getStringClaim(SESSION_CLAIM),
                    claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant())) {
                throw ProblemException.invalidToken("The session of this token has ended. Sign in again.");
            }
            List<String> roles = claims.getStringListClaim("roles");
            return new StaffPrincipal(claims.getSubject(), roles == null ? List.of() : List.copyOf(roles));
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw ProblemException.invalidToken("The bearer token is invalid or expired.");
        }
    }

    /**
     * Verifies the header and requires a role (ADMIN counts as every role).
     *
     * @throws ProblemException 401 without a valid token, 403 without the role
     */
    public StaffPrincipal requireRole(String authorizationHeader, String role, String action) {
        StaffPrincipal caller = verify(authorizationHeader);
        if (!caller.hasRole(role) && !caller.hasRole("ADMIN")) {
            throw ProblemException.forbidden(action + " needs the " + role + " role.");
        }
        return caller;
    }

}
