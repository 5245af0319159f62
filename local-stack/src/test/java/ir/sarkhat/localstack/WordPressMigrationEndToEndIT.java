package ir.sarkhat.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import ir.sarkhat.localstack.GatewayClient.Reply;
import ir.sarkhat.wordpresscli.WordPressCli;

/**
 * The WordPress migration as a newsroom runs it: the command imports the WordPress project's theme
 * unit test export into a running stack through the gateway; the posts, their comments (through
 * comment-service, with threading) and the old addresses then work for readers; the export comes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordPressMigrationEndToEndIT {

    private static final String PASSWORD = "e2e-admin-password-wp";
    private static final Path FIXTURE = Path.of("..", "article-service", "src", "test", "resources", "wordpress",
            "themeunittestdata.wordpress.xml");

    private Stack stack;
    private GatewayClient gateway;

    @BeforeAll
    void startTheStack() {
        Path dataDir = Path.of("target", "e2e-wordpress",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        StackConfig config = StackConfig.builder().dataDir(dataDir).freePorts().adminUser("admin")
                .adminPassword(PASSWORD).progress(line -> System.out.println("[stack] " + line)).build();
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
    void theCommandMigratesTheSiteAndOldLinksAndCommentsWorkThroughTheGateway() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = WordPressCli.run(new String[] { "--url", stack.gatewayUrl().toString(), "import", FIXTURE.toString() },
                PASSWORD, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("DONE: 186/186 items (100%)")
                .contains("imported: 58 posts, 21 pages (as drafts), 33 comments, 68 categories");

        // The old addresses, through the gateway.
        Reply byId = gateway.get("/?p=1148", null);
        assertThat(byId.status()).as("%s", byId).isEqualTo(301);
        assertThat(byId.response().headers().firstValue("Location").orElseThrow()).endsWith("/articles/template-comments");
        Reply byDate = gateway.get("/2012/01/03/template-comments/", null);
        assertThat(byDate.status()).as("%s", byDate).isEqualTo(301);
        Reply page = gateway.get("/articles/template-comments", null);
        assertThat(page.status()).as("%s", page).isEqualTo(200);

        // The comments came through comment-service: 19 of the post's 20 were approved in WordPress.
        String articleId = gateway.get("/api/articles/template-comments", null).json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Reply count = gateway.get("/api/articles/" + articleId + "/comments/count", null);
            assertThat(count.status()).as("%s", count).isEqualTo(200);
            assertThat(count.json().get("count").asInt()).isEqualTo(19);
        });
        // ... and reached the reader page by event, with their threads.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(gateway.get("/articles/template-comments", null).body()).contains("Anonymous User"));

        // The export comes back through the gateway and holds every article.
        Path exported = Files.createTempFile("sarkhat-export", ".xml");
        ByteArrayOutputStream exportOutput = new ByteArrayOutputStream();
        assertThat(WordPressCli.run(new String[] { "--url", stack.gatewayUrl().toString(), "export", exported.toString() },
                PASSWORD, new PrintStream(exportOutput, true, StandardCharsets.UTF_8))).isZero();
        String xml = Files.readString(exported);
        assertThat(xml.split("<wp:post_type>post</wp:post_type>", -1).length - 1).isEqualTo(58 + 21);
        assertThat(xml).contains("<wp:post_name>template-comments</wp:post_name>");
    }
}
