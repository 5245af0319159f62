package ir.sarkhat.gateway;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import ir.sarkhat.kit.test.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own admin endpoints refuse every bad token with 401 — made with the gateway's real signing key, so
 * each case fails on its own check (expiry, issuer, audience, algorithm), not on the signature — and a valid token
 * without ADMIN with 403; none of them creates anything.
 */
class TokenChecksIT extends GatewayIntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    private RSAKey gatewayKey() throws Exception {
        Document newest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), Document.class,
                "signing_keys").block();
        return RSAKey.parse(newest.getString("jwk"));
    }

    private static JWTClaimsSet claims(String issuer, String audience, Instant expires, String... roles) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("intruder")
                .claim("roles", List.of(roles)).issueTime(Date.from(Instant.now().minusSeconds(60)))
                .expirationTime(Date.from(expires)).jwtID(UUID.randomUUID().toString()).build();
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private int createWith(String authorization, String username) {
        var request = http().post().uri("/api/admin/staff").contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.bodyValue(Map.of("username", username, "password", "a-long-enough-password",
                        "roles", List.of("ADMIN")))
                .exchange().returnResult(String.class).getStatus().value();
    }

    @Test
    void everyBadTokenIs401AndTheWrongRoleIs403AndNothingIsCreated() throws Exception {
        RSAKey key = gatewayKey();
        Instant later = Instant.now().plusSeconds(600);
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("no token", null);
        refused.put("expired", "Bearer " + signed(key, claims("sarkhat", "sarkhat", Instant.now().minusSeconds(120),
                "ADMIN")));
        refused.put("wrong issuer", "Bearer " + signed(key, claims("elsewhere", "sarkhat", later, "ADMIN")));
        refused.put("wrong audience", "Bearer " + signed(key, claims("sarkhat", "elsewhere", later, "ADMIN")));
        refused.put("alg none", "Bearer " + new PlainJWT(claims("sarkhat", "sarkhat", later, "ADMIN")).serialize());
        refused.put("signed by another key", TestTokens.bearer("intruder", "ADMIN"));
        refused.put("not a JWT", "Bearer not.a.jwt");
        refused.put("not bearer", "Basic YWRtaW46YWRtaW4=");
        int i = 0;
        for (Map.Entry<String, String> entry : refused.entrySet()) {
            assertThat(createWith(entry.getValue(), "intruder-" + i++)).as(entry.getKey()).isEqualTo(401);
        }
        String editor = "Bearer " + signed(key, claims("sarkhat", "sarkhat", later, "EDITOR", "MODERATOR"));
        assertThat(createWith(editor, "intruder-by-editor")).isEqualTo(403);
        // The real token of the same shape works: the cases above failed on their own check only.
        assertThat(createWith("Bearer " + signed(key, claims("sarkhat", "sarkhat", later, "ADMIN")), "token-ok"))
                .isEqualTo(201);

        assertThat(mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id")
                .regex("^intruder")), "staff_accounts").block()).isZero();
    }
}
