package ir.sarkhat.localstack;

import static ir.sarkhat.localstack.GatewayClient.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import ir.sarkhat.localstack.GatewayClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A backend stopped while the rest runs, through the gateway: its API answers 503 problem+json at once (a refused
 * connection, then the open circuit), the article page still renders with the last known comments, and when the
 * service is back its API answers again without anyone touching the gateway. Own stack on free ports and its own data
 * folder under target/e2e/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackendOutageEndToEndIT {

    private static final String ADMIN_PASSWORD = "e2e-outage-admin-password";
    private static final String COMMENT = "نظر ماندگار در روزهای قطعی";
    private static final Duration QUICK = Duration.ofSeconds(3);

    private Stack stack;
    private GatewayClient gateway;

    @BeforeAll
    void startTheStack() {
        Path dataDir = Path.of("target", "e2e",
                "outage-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        StackConfig config = StackConfig.builder()
                .dataDir(dataDir)
                .freePorts()
                .adminUser("admin")
                .adminPassword(ADMIN_PASSWORD)
                // The steps poll by posting comments until comment-service knows the article: more than a
                // reader's 5 per minute from one address (the gateway's rate limit, tested in its own module).
                .extraServiceArgs(List.of("--sarkhat.gateway.rate-limits.rules.comment-post.limit=10000"))
                .progress(line -> System.out.println("[outage-stack] " + line))
                .build();
        stack = new Stack(config).start();
        gateway = new GatewayClient(stack.gatewayUrl());
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void commentAndAnalyticsOutagesLeaveThePageReadableAndTheirApisFailFastThenRecover() {
        String admin = gateway.post("/api/auth/login", null, Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .json().path("accessToken").asString();
        Reply created = gateway.post("/api/articles", admin, Map.of("title", "خبر آزمون قطعی",
                "body", "متن خبری که در زمان قطعی سرویس دیدگاه‌ها هم خوانده می‌شود.", "tags", List.of("آزمون")));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String articleId = created.json().path("id").asString();
        String slug = created.json().path("slug").asString();
        assertThat(gateway.post("/api/articles/" + articleId + "/publish", admin, null).status()).isEqualTo(200);

        AtomicReference<String> commentId = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Reply reply = gateway.post("/api/articles/" + articleId + "/comments", null,
                    Map.of("authorName", "سارا", "authorEmail", "sara@example.com", "body", COMMENT));
            assertThat(reply.status()).as("%s", reply).isEqualTo(202);
            commentId.set(reply.json().path("id").asString());
        });
        assertThat(gateway.post("/api/moderation/comments/" + commentId.get() + "/approve", admin, null).status())
                .isEqualTo(200);
        String page = "/articles/" + segment(slug);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(gateway.get(page, null).body()).contains(COMMENT));

        stack.stopService("comment-service");
        // Six calls: the first ones find the port closed, then the circuit is open. Each is a quick 503 problem.
        for (int call = 1; call <= 6; call++) {
            long started = System.nanoTime();
            Reply down = gateway.get("/api/articles/" + articleId + "/comments", null);
            assertThat(down.status()).as("call %d: %s", call, down).isEqualTo(503);
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("call %d", call).isLessThan(QUICK);
        }
        Reply open = gateway.get("/api/articles/" + articleId + "/comments", null);
        assertThat(open.body()).as("%s", open).contains("circuit open");
        assertThat(open.hasHeader("Retry-After")).isTrue();
        // The page is article-service's: it renders, with the comments it already knew.
        Reply readable = gateway.get(page, null);
        assertThat(readable.status()).as("%s", readable).isEqualTo(200);
        assertThat(readable.body()).contains("خبر آزمون قطعی").contains(COMMENT);

        stack.stopService("analytics-service");
        long started = System.nanoTime();
        Reply stats = gateway.get("/api/analytics/articles/" + articleId, admin);
        assertThat(stats.status()).as("%s", stats).isEqualTo(503);
        assertThat(stats.contentType()).startsWith("application/problem+json");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
        assertThat(gateway.get(page, null).status()).isEqualTo(200);

        stack.startService("comment-service");
        // No restart of the gateway: after the open period its trial calls find the service and close the circuit.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Reply back = gateway.get("/api/articles/" + articleId + "/comments", null);
            assertThat(back.status()).as("%s", back).isEqualTo(200);
            assertThat(back.body()).contains(commentId.get());
        });
        stack.startService("analytics-service");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(gateway.get("/api/analytics/articles/" + articleId, admin).status())
                        .isEqualTo(200));
    }
}
