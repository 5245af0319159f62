package ir.sarkhat.kit.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import ir.sarkhat.kit.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keycloak-shaped tokens from a configured external issuer are accepted beside the gateway's, with mapped roles. */
class ExternalIssuerTest {

    private static final String ISSUER = "http://keycloak.test/realms/sarkhat";
    private static RSAKey providerKey;
    private static RSAKey strangerKey;
    private static HttpServer jwks;
    private static ExternalIssuerProperties oidc;
    private static JwtDecoder decoder;

    @BeforeAll
    static void provider() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("kc-1").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("kc-1").generate();
        byte[] body = new JWKSet(providerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        oidc = new ExternalIssuerProperties(ISSUER, "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs", null,
                "realm_access.roles", Map.of("news-editor", "EDITOR", "news-moderator", "MODERATOR"), null);
        JwtDecoder staff = StaffJwtDecoders.fromPublicKey(
                StaffSecurityAutoConfiguration.readPublicKey(TestTokens.publicKeyLocation()), "sarkhat", "sarkhat");
        decoder = StaffJwtDecoders.withExternal(staff, "sarkhat", oidc);
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    private static String keycloakToken(RSAKey key, String issuer, Instant expires, List<String> roles)
            throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("5d1c7f0e-uuid")
                .claim("preferred_username", "maryam")
                .claim("azp", "sarkhat-staff")
                .claim("realm_access", Map.of("roles", roles))
                .issueTime(Date.from(Instant.now().minusSeconds(10)))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static List<String> authorities(Jwt jwt) {
        return new StaffAuthenticationConverter(oidc).convert(jwt).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void providerRolesAreMappedAndTheUserIsNamedByPreferredUsername() throws Exception {
        Jwt jwt = decoder.decode(keycloakToken(providerKey, ISSUER, Instant.now().plusSeconds(300),
                List.of("news-editor", "offline_access", "uma_authorization")));
        assertThat(authorities(jwt)).containsExactly("ROLE_EDITOR");
        assertThat(new StaffAuthenticationConverter(oidc).convert(jwt).getName()).isEqualTo("maryam");
    }

    @Test
    void gatewayTokensStillWorkBesideTheProvider() {
        Jwt jwt = decoder.decode(TestTokens.bearer("ali", "MODERATOR").substring("Bearer ".length()));
        assertThat(authorities(jwt)).containsExactly("ROLE_MODERATOR");
    }

    @Test
    void forgedExpiredOrForeignTokensAreRefused() {
        assertThatThrownBy(() -> decoder.decode(keycloakToken(strangerKey, ISSUER, Instant.now().plusSeconds(300),
                List.of("news-editor")))).as("signed by another key").isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(keycloakToken(providerKey, ISSUER, Instant.now().minusSeconds(300),
                List.of("news-editor")))).as("expired").isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(keycloakToken(providerKey, "http://evil.test/realms/sarkhat",
                Instant.now().plusSeconds(300), List.of("news-editor")))).as("other issuer")
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.algNone("x", "ADMIN").substring("Bearer ".length())))
                .as("alg none").isInstanceOf(JwtException.class);
    }

    @Test
    void withoutAnIssuerConfiguredOnlyGatewayTokensAreAccepted() throws IOException {
        JwtDecoder staff = StaffJwtDecoders.fromPublicKey(
                StaffSecurityAutoConfiguration.readPublicKey(TestTokens.publicKeyLocation()), "sarkhat", "sarkhat");
        JwtDecoder only = StaffJwtDecoders.withExternal(staff, "sarkhat",
                new ExternalIssuerProperties(null, null, null, null, null, null));
        assertThat(only).isSameAs(staff);
    }
}
