package ir.sarkhat.gateway;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class AuthIT extends GatewayIntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void loginGivesAnRs256TokenThatVerifiesAgainstTheJwks() throws Exception {
        WebTestClient.ResponseSpec login = http().post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .exchange();
        login.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
        Map<String, Object> body = login.expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(body).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 900);
        SignedJWT jwt = SignedJWT.parse((String) body.get("accessToken"));

        String jwksJson = http().get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cc -> assertThat(cc).contains("max-age=300"))
                .expectBody(String.class).returnResult().getResponseBody();
        JWKSet jwks = JWKSet.parse(jwksJson);
        assertThat(jwks.getKeys()).isNotEmpty().allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(jwksJson).doesNotContain("\"d\"", "\"p\"", "\"q\"");

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid is published").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier((RSAKey) key))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("sarkhat");
        assertThat(claims.getAudience()).containsExactly("sarkhat");
        assertThat(claims.getSubject()).isEqualTo("admin");
        assertThat(claims.getStringListClaim("roles")).containsExactly("ADMIN");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000L);
        assertThat(claims.getExpirationTime()).isAfter(new Date());
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledAccountAllGetTheSame401() {
        mongo.insert(new Document("_id", "disabled-editor")
                .append("passwordHash", new BCryptPasswordEncoder().encode("a-fine-password-123"))
                .append("roles", List.of("EDITOR"))
                .append("enabled", false)
                .append("createdAt", Date.from(Instant.now())), "staff_accounts").block();

        String wrongPassword = rejected("admin", "not-the-password");
        String unknownUser = rejected("nobody-here", "whatever-password");
        String disabled = rejected("disabled-editor", "a-fine-password-123");

        assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo(disabled);
    }

    private String rejected(String username, String password) {
        Map<String, Object> problem = http().post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(problem).containsEntry("status", 401).containsEntry("title", "Unauthorized")
                .containsEntry("instance", "/api/auth/login").containsKeys("type", "detail");
        return (String) problem.get("detail");
    }

    @Test
    void malformedJsonIs400Problem() {
        Map<String, Object> problem = badLogin("{\"username\": \"admin\", \"password\": ");
        assertThat((String) problem.get("detail")).contains("not valid JSON");
    }

    @Test
    void missingFieldIs400NamingIt() {
        assertThat((String) badLogin("{\"username\": \"admin\"}").get("detail")).contains("password");
        assertThat((String) badLogin("{\"password\": \"x\"}").get("detail")).contains("username");
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        assertThat((String) badLogin("{\"username\": [\"admin\"], \"password\": \"x\"}").get("detail"))
                .contains("username");
    }

    @Test
    void emptyBodyIs400() {
        assertThat((String) badLogin("").get("detail")).contains("body");
    }

    @Test
    void oversizedBodyIs413Problem() {
        String huge = "{\"username\": \"admin\", \"password\": \"" + "x".repeat(20_000) + "\"}";
        http().post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(huge)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);
    }

    @Test
    void wrongMethodAndWrongContentTypeAreProblemsToo() {
        http().get().uri("/api/auth/login").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http().post().uri("/api/auth/login")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("username=admin")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("application/json"));
    }

    private Map<String, Object> badLogin(String json) {
        Map<String, Object> problem = http().post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(problem).containsEntry("status", 400).containsKeys("type", "title", "detail", "instance");
        assertThat(problem.toString()).doesNotContain("Exception", "at ir.", "at org.");
        return problem;
    }
}
