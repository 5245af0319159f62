package ir.sarkhat.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Staff tokens signed like the gateway signs them, with a key made for this test JVM. Point a
 * service at the public key with
 * {@code registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation)}.
 */
public final class TestTokens {

    public static final String ISSUER = "sarkhat";
    public static final String AUDIENCE = "sarkhat";

    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static String publicKeyLocation;

    private TestTokens() {
    }

    /** {@code "Bearer <jwt>"} for a user with these roles, valid for 15 minutes. */
    public static String bearer(String username, String... roles) {
        return "Bearer " + token(KEYS, username, ISSUER, AUDIENCE, Duration.ofMinutes(15), roles);
    }

    /**
     * {@code "Bearer <jwt>"} of one sign-in session ({@code sid}) issued at {@code issuedAt} (truncated to whole seconds,
     * as every JWT {@code iat} is), valid for 15 minutes from then.
     */
    public static String bearerOfSession(String username, String sessionId, Instant issuedAt, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(
                claims(username, ISSUER, AUDIENCE, issuedAt, Duration.ofMinutes(15), roles))
                .issueTime(Date.from(issuedAt))
                .claim("sid", sessionId)
                .build();
        return "Bearer " + sign(KEYS, claims);
    }

    public static String expired(String username, String... roles) {
        return "Bearer " + token(KEYS, username, ISSUER, AUDIENCE, Duration.ofMinutes(-5), roles);
    }

    public static String signedByAnotherKey(String username, String... roles) {
        return "Bearer " + token(OTHER_KEYS, username, ISSUER, AUDIENCE, Duration.ofMinutes(15), roles);
    }

    public static String withIssuerAndAudience(String issuer, String audience, String username, String... roles) {
        return "Bearer " + token(KEYS, username, issuer, audience, Duration.ofMinutes(15), roles);
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims: must never be accepted. */
    public static String algNone(String username, String... roles) {
        Instant now = Instant.now();
        return "Bearer " + new PlainJWT(claims(username, ISSUER, AUDIENCE, now, Duration.ofMinutes(15), roles)).serialize();
    }

    public static synchronized String publicKeyLocation() {
        if (publicKeyLocation == null) {
            try {
                Path file = Files.createTempFile("sarkhat-test-staff-key", ".pem");
                file.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(file, pem);
                publicKeyLocation = file.toUri().toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyLocation;
    }

    private static String token(KeyPair keys, String username, String issuer, String audience, Duration ttl,
            String... roles) {
        return sign(keys, claims(username, issuer, audience, Instant.now(), ttl, roles));
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(String username, String issuer, String audience, Instant now, Duration ttl,
            String... roles) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(username)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
