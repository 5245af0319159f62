package ir.sarkhat.wordpresscli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The command against a gateway that answers like the real one (the end-to-end test in local-stack
 * runs it against the real stack): it streams the file, follows the job, signs in again and resumes
 * when the token runs out, and exits 0 only when the job is DONE.
 */
class WordPressCliTest {

    HttpServer gateway;
    final AtomicInteger logins = new AtomicInteger();
    final AtomicInteger polls = new AtomicInteger();
    final List<String> seen = new CopyOnWriteArrayList<>();
    volatile byte[] uploaded;

    static String job(String status, int done, String error) {
        return """
                {"id":"j1","status":"%s","total":186,"done":%d,"rate":12.5,"problemCount":1,
                 "created":{"posts":58,"pages":21,"comments":33,"categories":68},
                 "existing":{"posts":0,"pages":0,"comments":0,"categories":0},"skipped":{"attachment":37},
                 "problems":[{"kind":"post","wordpressId":"12","reason":"product 12: unknown post type 'product'"}],
                 "error":%s}""".formatted(status, done, error == null ? "null" : "\"" + error + "\"");
    }

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/auth/login", ex -> answer(ex, 200,
                "{\"accessToken\":\"token-" + logins.incrementAndGet() + "\"}"));
        gateway.createContext("/api/admin/import/wxr", ex -> {
            seen.add("upload " + ex.getRequestHeaders().getFirst("Authorization") + " " + ex.getRequestURI().getQuery());
            uploaded = ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Location", "/api/admin/import/jobs/j1");
            answer(ex, 202, job("RUNNING", 0, null));
        });
        gateway.createContext("/api/admin/import/jobs/j1", ex -> {
            if (ex.getRequestURI().getPath().endsWith("/resume")) {
                seen.add("resume " + ex.getRequestHeaders().getFirst("Authorization"));
                answer(ex, 202, job("RUNNING", 90, null));
                return;
            }
            int poll = polls.incrementAndGet();
            answer(ex, 200, switch (poll) {
                case 1 -> job("RUNNING", 40, null);
                case 2 -> job("INTERRUPTED", 90, "comment-service refused the token (401).");
                case 3 -> job("RUNNING", 150, null);
                default -> job("DONE", 186, null);
            });
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void importsWithProgressAndResumesWithAFreshTokenWhenTheOldOneRunsOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("site.wordpress.xml");
        Files.writeString(file, "<rss>…</rss>");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = new WordPressCli(new PrintStream(printed, true, StandardCharsets.UTF_8), 1)
                .run(new String[] { "--url", "http://127.0.0.1:" + gateway.getAddress().getPort(), "import",
                        file.toString() }, "secret");
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(uploaded).isEqualTo(Files.readAllBytes(file));
        assertThat(seen).containsExactly("upload Bearer token-1 name=site.wordpress.xml", "resume Bearer token-2");
        assertThat(output).contains("RUNNING: 40/186 items (21%), 12.5 items/s, 1 problems")
                .contains("Resuming").contains("DONE: 186/186 items (100%)")
                .contains("imported: 58 posts, 21 pages (as drafts), 33 comments, 68 categories")
                .contains("post 12: product 12: unknown post type 'product'");
    }

    @Test
    void aWrongUsageSaysHowToUseIt() {
        assertThat(new WordPressCli(System.out, 1).run(new String[] { "import" }, "x")).isEqualTo(2);
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
