package ir.sarkhat.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import ir.sarkhat.gateway.support.StubBackend;

/**
 * Probes, metrics and trace context at the edge: actuator only on the management port (never routed
 * to a service, never on the public port), the probes also on the public port, and the caller's W3C
 * trace continued to the service it is routed to.
 */
class ObservabilityIT extends GatewayIntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void actuatorIsNotReachableOnThePublicPortNorRoutedToAService() {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : new String[] { "/actuator/prometheus", "/actuator/health", "/actuator/env",
                "/actuator/health/readiness" }) {
            http().get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().doesNotExist("X-Stub-Service");
        }
        for (String probe : new String[] { "/livez", "/readyz" }) {
            http().get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void theManagementPortAnswersProbesAndTheScrape() {
        http().get().uri("/api/articles/metrics-probe").exchange().expectStatus().isOk();
        for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
            management().get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = management().get().uri("/actuator/prometheus").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(metrics)
                    .contains("spring_cloud_gateway_requests_seconds_count{")
                    .contains("routeId=\"article-service\"")
                    .contains("http_server_requests_seconds_bucket{")
                    .contains("application=\"gateway\"")
                    .contains("sarkhat_gateway_pageview_spool_size{");
        });
        management().get().uri("/actuator/env").exchange().expectStatus().isNotFound();
    }

    @Test
    void theCallersTraceIsContinuedToTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        http().get().uri("/api/articles/traced")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus().isOk();
        String forwarded = StubBackend.first(ARTICLES.lastHeaders("/api/articles/traced"), "traceparent");
        assertThat(forwarded).as("the gateway's own span, in the caller's trace")
                .startsWith("00-" + traceId + "-")
                .doesNotContain("00f067aa0ba902b7");
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }
}
