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
 * {@code roles}, {@code iat}, {@code exp} and {@code jti}. The services verify the same tokens against the JWKS;
 * the gateway verifies them itself only for its own admin endpoints.
 */
@Component
public class AccessTokens {

    public static final String AUDIENCE = "sarkhat";

    private final SigningKeys keys;
    private final SecurityProperties properties;
    private final ConfigurableJWTProcessor<SecurityContext> processor;

    AccessTokens(SigningKeys keys, SecurityProperties properties) {
        this.keys = keys;
        this.properties = properties;
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

    /** Signs a token. CPU-bound (an RSA private-key operation): call it off the event loop. */
    public IssuedToken issue(String username, List<String> roles) {
        RSAKey key = keys.signingKey();
        Instant now = Instant.now();
        Instant expires = now.plus(properties.accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(AUDIENCE)
                .subject(username)
                .claim("roles", List.copyOf(roles))
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
     * Verifies an {@code Authorization} header value ({@code Bearer <jwt>}): signature, issuer, audience, expiry.
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
