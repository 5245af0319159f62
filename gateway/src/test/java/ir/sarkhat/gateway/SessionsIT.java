package ir.sarkhat.gateway;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh tokens (rotation, reuse detection, logout, disabled accounts), staff management and key rotation. */
class SessionsIT extends GatewayIntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    ReactiveMongoTemplate mongo;

    private Map<String, Object> signIn(String username, String password) {
        return http().post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password)).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie)
                        .startsWith("sarkhat_refresh=").contains("HttpOnly", "SameSite=Strict", "Path=/api/auth"))
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http().post().uri("/api/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }

    private void createStaff(String username, String... roles) {
        http().post().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseEndsTheWholeSession() {
        createStaff("refresher", "EDITOR");
        Map<String, Object> first = signIn("refresher", PASSWORD);
        String r1 = (String) first.get("refreshToken");
        assertThat(r1).hasSizeGreaterThan(40);
        assertThat(mongo.findById(r1, Document.class, "refresh_tokens").block()).as("only the hash is stored").isNull();

        Map<String, Object> second = refresh(r1).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        String r2 = (String) second.get("refreshToken");
        assertThat(r2).isNotEqualTo(r1);
        assertThat((String) second.get("accessToken")).isNotBlank();

        // r1 again: someone copied it. Both r1 and the legitimate r2 stop working.
        refresh(r1).expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        refresh(r2).expectStatus().isUnauthorized();
    }

    @Test
    void logoutRevokesTheRefreshTokenFromTheCookieToo() {
        createStaff("leaver", "MODERATOR");
        String refreshToken = (String) signIn("leaver", PASSWORD).get("refreshToken");
        http().post().uri("/api/auth/logout").cookie("sarkhat_refresh", refreshToken).exchange()
                .expectStatus().isNoContent()
                .expectHeader().value(HttpHeaders.SET_COOKIE, c -> assertThat(c).contains("Max-Age=0"));
        refresh(refreshToken).expectStatus().isUnauthorized();
        // Logging out again, or without a token, is harmless.
        http().post().uri("/api/auth/logout").exchange().expectStatus().isNoContent();
    }

    @Test
    void theRefreshCookieAloneRefreshes() {
        createStaff("cookie-user", "EDITOR");
        String refreshToken = (String) signIn("cookie-user", PASSWORD).get("refreshToken");
        String rotated = http().post().uri("/api/auth/refresh").cookie("sarkhat_refresh", refreshToken).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(rotated).startsWith("sarkhat_refresh=").doesNotContain(refreshToken);
    }

    @Test
    void adminManagesStaffAndADisabledAccountCanNeitherSignInNorRefresh() throws Exception {
        String admin = "Bearer " + adminToken();
        createStaff("managed", "EDITOR");
        String refreshToken = (String) signIn("managed", PASSWORD).get("refreshToken");

        http().get().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.username == 'managed')].roles[0]").isEqualTo("EDITOR")
                .jsonPath("$[?(@.username == 'managed')].enabled").isEqualTo(true)
                .jsonPath("$[0].passwordHash").doesNotExist();

        put(admin, "/api/admin/staff/managed/roles", Map.of("roles", List.of("MODERATOR", "EDITOR")))
                .expectStatus().isOk().expectBody().jsonPath("$.roles.length()").isEqualTo(2);
        // The next refresh carries the new roles.
        Map<String, Object> refreshed = refresh(refreshToken).expectStatus().isOk().expectBody(JSON_MAP)
                .returnResult().getResponseBody();
        assertThat(SignedJWT.parse((String) refreshed.get("accessToken")).getJWTClaimsSet()
                .getStringListClaim("roles")).containsExactly("MODERATOR", "EDITOR");

        put(admin, "/api/admin/staff/managed/enabled", Map.of("enabled", false))
                .expectStatus().isOk().expectBody().jsonPath("$.enabled").isEqualTo(false);
        refresh((String) refreshed.get("refreshToken")).expectStatus().isUnauthorized();
        http().post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "managed", "password", PASSWORD)).exchange()
                .expectStatus().isUnauthorized();

        put(admin, "/api/admin/staff/managed/enabled", Map.of("enabled", true)).expectStatus().isOk();
        put(admin, "/api/admin/staff/managed/password", Map.of("password", "another-long-password"))
                .expectStatus().isNoContent();
        http().post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "managed", "password", PASSWORD)).exchange()
                .expectStatus().isUnauthorized();
        signIn("managed", "another-long-password");
    }

    @Test
    void managementIsForAdminsOnlyAndRefusesNonsense() {
        createStaff("not-an-admin", "EDITOR", "MODERATOR");
        String editor = "Bearer " + login("not-an-admin", PASSWORD);
        String admin = "Bearer " + adminToken();
        http().get().uri("/api/admin/staff").exchange().expectStatus().isUnauthorized();
        http().get().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, editor).exchange()
                .expectStatus().isForbidden();
        put(editor, "/api/admin/staff/not-an-admin/roles", Map.of("roles", List.of("ADMIN")))
                .expectStatus().isForbidden();
        put(admin, "/api/admin/staff/nobody-at-all/roles", Map.of("roles", List.of("EDITOR")))
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put(admin, "/api/admin/staff/not-an-admin/roles", Map.of("roles", List.of("OWNER")))
                .expectStatus().isBadRequest();
        put(admin, "/api/admin/staff/not-an-admin/password", Map.of("password", "short"))
                .expectStatus().isBadRequest();
        put(admin, "/api/admin/staff/admin/enabled", Map.of("enabled", false)).expectStatus().isEqualTo(409);
        put(admin, "/api/admin/staff/admin/roles", Map.of("roles", List.of("EDITOR"))).expectStatus().isEqualTo(409);
        // Nothing changed by the refused calls.
        http().get().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectBody()
                .jsonPath("$[?(@.username == 'not-an-admin')].roles.length()").isEqualTo(2)
                .jsonPath("$[?(@.username == 'admin')].enabled").isEqualTo(true)
                .jsonPath("$[?(@.username == 'admin')].roles[0]").isEqualTo("ADMIN");
    }

    @Test
    void rotatingTheKeySignsOutNobody() throws Exception {
        String before = adminToken();
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();
        Map<String, Object> rotated = http().post().uri("/api/admin/keys/rotate")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + before).exchange()
                .expectStatus().isOk().expectBody(JSON_MAP).returnResult().getResponseBody();
        String newKid = (String) rotated.get("addedKid");
        assertThat(newKid).isNotEqualTo(oldKid);

        JWKSet jwks = JWKSet.parse(http().get().uri("/.well-known/jwks.json").exchange()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(jwks.getKeys()).extracting(k -> k.getKeyID()).contains(oldKid, newKid);
        // The old token still works; new tokens are signed with the new key (no activation delay in tests).
        http().get().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, "Bearer " + before).exchange()
                .expectStatus().isOk();
        assertThat(SignedJWT.parse(adminToken()).getHeader().getKeyID()).isEqualTo(newKid);

        http().post().uri("/api/admin/keys/rotate").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec put(String authorization, String path, Object body) {
        return http().put().uri(path).header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
