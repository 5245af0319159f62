package ir.sarkhat.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits, client IP behind one trusted proxy, security headers, body limits and the circuit breaker, with small
 * limits in a context of its own. Every test speaks as its own client address, so the tests do not share buckets.
 */
@TestPropertySource(properties = {
        "sarkhat.gateway.trusted-proxies=1",
        "sarkhat.gateway.rate-limits.rules.comment-post.limit=2",
        "sarkhat.gateway.rate-limits.rules.search.limit=3",
        "sarkhat.gateway.rate-limits.rules.beacon.limit=2",
        "sarkhat.gateway.rate-limits.rules.login.limit=6",
        "sarkhat.security.login-throttle.account-threshold=3",
        "sarkhat.security.login-throttle.ip-threshold=3",
        // Fixed windows start on multiples of the window: a day makes a window edge inside a test run unlikely.
        "sarkhat.gateway.rate-limits.rules.comment-post.window=1d",
        "sarkhat.gateway.rate-limits.rules.search.window=1d",
        "sarkhat.gateway.rate-limits.rules.beacon.window=1d",
        "sarkhat.gateway.rate-limits.rules.login.window=1d",
        "sarkhat.gateway.body-limits.default-max=64KB",
        "sarkhat.gateway.circuit-breakers.routes.analytics-service.minimum-calls=3",
        "sarkhat.gateway.circuit-breakers.routes.analytics-service.window=3",
        "sarkhat.gateway.circuit-breakers.routes.analytics-service.open-for=1h",
})
class ProtectionIT extends GatewayIntegrationTest {

    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(1);

    /** A fresh client address, as the trusted proxy in front would report it. */
    private static String client() {
        return "203.0.113." + NEXT_CLIENT.getAndIncrement();
    }

    private WebTestClient.ResponseSpec postComment(String forwardedFor, String articleId) {
        return http().post().uri("/api/articles/" + articleId + "/comments")
                .header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"سلام\"}")
                .exchange();
    }

    @Test
    void commentPostsOverTheLimitAre429WithRetryAfterAndNeverReachTheBackend() {
        String ip = client();
        postComment(ip, "rl1").expectStatus().isOk();
        postComment(ip, "rl1").expectStatus().isOk();
        postComment(ip, "rl1").expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isBetween(1L, 86_400L))
                .expectBody().jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("comment-post").doesNotContain(ip));
        assertThat(COMMENTS.hits("/api/articles/rl1/comments")).isEqualTo(2);

        // Another client still gets through: the bucket is per address.
        postComment(client(), "rl1").expectStatus().isOk();
        assertThat(COMMENTS.hits("/api/articles/rl1/comments")).isEqualTo(3);
    }

    @Test
    void aSpoofedForwardedForDoesNotResetTheBucket() {
        String ip = client();
        postComment(ip, "rl2").expectStatus().isOk();
        postComment(ip, "rl2").expectStatus().isOk();
        // The client writes its own X-Forwarded-For; the trusted proxy appends the real address after it.
        postComment("198.51.100.77, " + ip, "rl2").expectStatus().isEqualTo(429);
        postComment("198.51.100.78, 10.0.0.1, " + ip, "rl2").expectStatus().isEqualTo(429);
        assertThat(COMMENTS.hits("/api/articles/rl2/comments")).isEqualTo(2);
    }

    @Test
    void searchBeaconAndLoginAreLimitedToo() {
        String ip = client();
        for (int i = 0; i < 3; i++) {
            http().get().uri("/api/search?q=x").header("X-Forwarded-For", ip).exchange().expectStatus().isOk();
        }
        http().get().uri("/search?q=x").header("X-Forwarded-For", ip).exchange().expectStatus().isEqualTo(429);

        for (int i = 0; i < 2; i++) {
            // analytics-service is down in these tests: 503, but counted
            http().post().uri("/api/analytics/events").header("X-Forwarded-For", ip)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
        }
        http().post().uri("/api/analytics/events").header("X-Forwarded-For", ip)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isEqualTo(429);

        for (int i = 0; i < 6; i++) {
            signIn(ip, "admin", ADMIN_PASSWORD).expectStatus().isOk();
        }
        signIn(ip, "admin", ADMIN_PASSWORD).expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("(login)"));
    }

    private WebTestClient.ResponseSpec signIn(String forwardedFor, String username, String password) {
        return http().post().uri("/api/auth/login").header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("username", username, "password", password)).exchange();
    }

    @Test
    void failedSignInsLockTheAccountWhateverAddressTheyComeFrom() {
        String admin = (String) signIn(client(), "admin", ADMIN_PASSWORD).expectStatus().isOk()
                .expectBody(JSON_MAP).returnResult().getResponseBody().get("accessToken");
        http().post().uri("/api/admin/staff").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("username", "lock-me", "password", "the-right-password",
                        "roles", java.util.List.of("EDITOR")))
                .exchange().expectStatus().isCreated();
        for (int i = 0; i < 3; i++) {
            signIn(client(), "lock-me", "not-the-password-" + i).expectStatus().isUnauthorized();
        }
        // Even the right password waits now, from anywhere; the lock doubles with each further failure.
        signIn(client(), "lock-me", "the-right-password").expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 30L))
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("failed sign-ins"));
        // Unknown usernames are locked the same way: a lock says nothing about whether an account exists.
        for (int i = 0; i < 3; i++) {
            signIn(client(), "ghost-user", "not-the-password-" + i).expectStatus().isUnauthorized();
        }
        signIn(client(), "ghost-user", "whatever-password").expectStatus().isEqualTo(429);
    }

    @Test
    void failedSignInsLockTheAddressWhateverAccountTheyTry() {
        String ip = client();
        for (int i = 0; i < 3; i++) {
            signIn(ip, "guess-" + i, "not-the-password").expectStatus().isUnauthorized();
        }
        signIn(ip, "someone-else", "a-password-here").expectStatus().isEqualTo(429);
        // The account itself is not locked for everyone else.
        signIn(client(), "someone-else", "a-password-here").expectStatus().isUnauthorized();
    }

    @Test
    void articlePagesAreNeverRateLimited() {
        String ip = client();
        for (int i = 0; i < 30; i++) {
            http().get().uri("/articles/x").header("X-Forwarded-For", ip).exchange().expectStatus().isOk();
            http().get().uri("/api/articles/a1").header("X-Forwarded-For", ip).exchange().expectStatus().isOk();
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/articles/x", "/no/such/page", "/api/articles/a1"}) {
            http().get().uri(path).exchange()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                            .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"))
                    .expectHeader().doesNotExist("Strict-Transport-Security");
        }
        // A page with its own policy keeps it, with frame-ancestors added.
        http().get().uri("/moderation").exchange()
                .expectHeader().valueEquals("Content-Security-Policy",
                        "default-src 'none'; script-src 'self'; frame-ancestors 'none'");
        // Behind the trusted TLS proxy: HSTS.
        http().get().uri("/articles/x").header("X-Forwarded-For", client()).header("X-Forwarded-Proto", "https")
                .exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void bodiesOverTheLimitAre413BeforeTheBackend() {
        byte[] big = new byte[70 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        http().post().uri("/api/articles/big/comments").header("X-Forwarded-For", client())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(COMMENTS.hits("/api/articles/big/comments")).isZero();
    }

    @Test
    void aChunkedBodyIsCutAtTheLimit() {
        reactor.core.publisher.Flux<String> chunks = reactor.core.publisher.Flux.range(0, 70)
                .map(i -> "a".repeat(1024));
        http().post().uri("/api/articles/chunked/comments").header("X-Forwarded-For", client())
                .contentType(MediaType.APPLICATION_JSON).body(chunks, String.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aDownBackendOpensItsCircuitAndIsThenAnswered503AtOnce() {
        for (int i = 0; i < 3; i++) {
            http().get().uri("/api/analytics/articles/cb").exchange().expectStatus().isEqualTo(503);
        }
        long started = System.nanoTime();
        http().get().uri("/api/analytics/articles/cb").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "3600")
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("circuit open"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        // Other routes are not affected.
        http().get().uri("/api/articles/a1").exchange().expectStatus().isOk();
    }
}
