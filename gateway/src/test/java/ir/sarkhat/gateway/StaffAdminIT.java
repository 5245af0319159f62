package ir.sarkhat.gateway;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class StaffAdminIT extends GatewayIntegrationTest {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void withoutATokenIs401WithABearerChallenge() {
        create(null, Map.of("username", "no-token", "password", PASSWORD, "roles", List.of("EDITOR")))
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void aForgedOrGarbledTokenIs401() {
        create("not.a.jwt", Map.of("username", "garbled", "password", PASSWORD, "roles", List.of("EDITOR")))
                .expectStatus().isUnauthorized();
        String admin = adminToken();
        String tampered = admin.substring(0, admin.length() - 4) + (admin.endsWith("AAAA") ? "BBBB" : "AAAA");
        create(tampered, Map.of("username", "tampered", "password", PASSWORD, "roles", List.of("EDITOR")))
                .expectStatus().isUnauthorized();
    }

    @Test
    void adminCreatesAccountsEditorsMayNotAndDuplicatesConflict() throws Exception {
        String admin = adminToken();

        create(admin, Map.of("username", "Editor.One", "password", PASSWORD, "roles", List.of("EDITOR"),
                "ignored", "unknown fields are ignored"))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.username").isEqualTo("editor.one")
                .jsonPath("$.roles[0]").isEqualTo("EDITOR")
                .jsonPath("$.password").doesNotExist()
                .jsonPath("$.passwordHash").doesNotExist();

        String editor = login("editor.one", PASSWORD);
        assertThat(SignedJWT.parse(editor).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("EDITOR");

        create(editor, Map.of("username", "by-editor", "password", PASSWORD, "roles", List.of("EDITOR")))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);

        create(admin, Map.of("username", "editor.one", "password", PASSWORD, "roles", List.of("MODERATOR")))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void multipleRolesAreKept() {
        create(adminToken(), Map.of("username", "mod-and-editor", "password", PASSWORD,
                "roles", List.of("MODERATOR", "EDITOR", "MODERATOR")))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.roles").isEqualTo(List.of("MODERATOR", "EDITOR"));
    }

    @Test
    void badInputIs400() {
        String admin = adminToken();
        badRequest(admin, Map.of("username", "short-pw", "password", "too-short", "roles", List.of("EDITOR")),
                "at least 12");
        badRequest(admin, Map.of("username", "bad-role", "password", PASSWORD, "roles", List.of("OWNER")), "OWNER");
        badRequest(admin, Map.of("username", "no-roles", "password", PASSWORD, "roles", List.of()), "roles");
        badRequest(admin, Map.of("username", "x", "password", PASSWORD, "roles", List.of("EDITOR")), "username");
        badRequest(admin, Map.of("username", "long-pw", "password", "ب".repeat(40), "roles", List.of("EDITOR")),
                "72 bytes");
    }

    private void badRequest(String token, Map<String, Object> body, String detailContains) {
        create(token, body)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains(detailContains));
    }

    private WebTestClient.ResponseSpec create(String token, Map<String, Object> body) {
        return http().post().uri("/api/admin/staff")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
