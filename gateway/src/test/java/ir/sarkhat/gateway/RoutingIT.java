package ir.sarkhat.gateway;

import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import ir.sarkhat.gateway.support.StubBackend;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingIT extends GatewayIntegrationTest {

    @Test
    void commentPathsGoToCommentServiceEvenUnderApiArticles() {
        assertServedBy("/api/articles/abc/comments", "comment-service");
        assertServedBy("/api/articles/abc/comments/c1/approve", "comment-service");
        assertServedBy("/api/moderation/queue", "comment-service");
    }

    @Test
    void articlePathsGoToArticleService() {
        assertServedBy("/api/articles", "article-service");
        assertServedBy("/api/articles/abc", "article-service");
        assertServedBy("/api/articles/abc/revisions", "article-service");
        assertServedBy("/", "article-service");
    }

    @Test
    void forwardedHeadersReachTheBackendAndClientSuppliedOnesAreReplaced() {
        http().get().uri("/api/articles/fwd")
                .header("X-Forwarded-For", "6.6.6.6")
                .exchange()
                .expectStatus().isOk();
        Headers seen = ARTICLES.lastHeaders("/api/articles/fwd");
        assertThat(StubBackend.first(seen, "X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(StubBackend.first(seen, "X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(StubBackend.first(seen, "X-Forwarded-Proto")).isEqualTo("http");
    }

    @Test
    void unknownPathIs404Problem() {
        http().get().uri("/no/such/thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.instance").isEqualTo("/no/such/thing")
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void backendDownIsAQuick503Problem() {
        long started = System.nanoTime();
        http().get().uri("/api/analytics/articles/a1").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d).doesNotContain("127.0.0.1", "Exception"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void slowBackendIs504Problem() {
        try {
            http().get().uri("/articles/slow").exchange()
                    .expectStatus().isEqualTo(504)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(504);
        } finally {
            ARTICLES.releaseSlow();
        }
    }

    @Test
    void healthIsUp() {
        // The actuator is on the management port (ObservabilityIT); the public port has the probes.
        http().get().uri("/readyz").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private void assertServedBy(String path, String service) {
        Map<String, Object> body = http().get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Stub-Service", service)
                .expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(body).containsEntry("path", path);
    }
}
