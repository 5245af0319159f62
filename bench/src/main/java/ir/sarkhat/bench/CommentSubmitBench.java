package ir.sarkhat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ir.sarkhat.localstack.Stack;
import ir.sarkhat.localstack.StackConfig;

/**
 * Comment submission (POST /api/articles/{id}/comments) through the gateway and straight to
 * comment-service, in the same run, alternating rounds so machine noise hits both. Starts the real
 * local stack (in-process Kafka, H2-backed MongoDB-protocol store, the four services as JVMs with full
 * JIT) on free ports in bench/target/. System properties: {@code bench.concurrency} (32),
 * {@code bench.seconds} per round (20), {@code bench.rounds} (3), {@code bench.warmupSeconds} (30, the
 * gateway needs it), {@code bench.maxRequests} per round (1 000 000). The moderation policy is on
 * (first-time, hold at 2 links, hold and block words); flood control is off (one loopback IP).
 */
public final class CommentSubmitBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        Duration round = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
        int rounds = Integer.getInteger("bench.rounds", 3);
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 30));
        long maxRequests = Long.getLong("bench.maxRequests", 1_000_000);

        String password = "bench-admin-" + System.nanoTime();
        StackConfig config = StackConfig.builder()
                .dataDir(Path.of("bench", "target", "stack-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))))
                .repoRoot(Path.of("").toAbsolutePath()) // bench/comments.sh runs from the repository root
                .freePorts()
                .adminUser("admin").adminPassword(password)
                // The stack's defaults stop the JIT at C1 to start fast; a benchmark wants the full JIT.
                .javaOpts(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Xss512k", "-XX:+ExitOnOutOfMemoryError"))
                // The moderation policy stays on (first-time mode, link count, word lists); flood control is
                // off because every request comes from one loopback address (the gateway forwards 127.0.0.1);
                // so is the gateway's per-address rate limit on comment posts, for the same reason.
                .extraServiceArgs(List.of("--sarkhat.comments.flood-interval=0s",
                        "--sarkhat.gateway.rate-limits.rules.comment-post.limit=1000000000",
                        "--sarkhat.comments.moderation.mode=first-time",
                        "--sarkhat.comments.moderation.hold-words=casino,lottery",
                        "--sarkhat.comments.moderation.block-words=viagra"))
                .progress(line -> System.out.println("[stack] " + line))
                .build();
        try (Stack stack = new Stack(config).start()) {
            URI gateway = stack.gatewayUrl();
            String token = match(TOKEN, post(gateway.resolve("/api/auth/login"), null,
                    "{\"username\":\"admin\",\"password\":\"" + password + "\"}"));
            String articleId = match(ID, post(gateway.resolve("/api/articles"), token,
                    "{\"title\":\"سنجش دیدگاه‌ها\",\"body\":\"متن خبری برای سنجش سرعت ثبت دیدگاه.\",\"tags\":[\"سنجش\"],\"source\":\"سرخط\"}"));
            post(gateway.resolve("/api/articles/" + articleId + "/publish"), token, "");
            String path = "/api/articles/" + articleId + "/comments";
            URI viaGateway = gateway.resolve(path);
            URI direct = URI.create("http://" + config.host() + ":" + config.commentPort() + path);
            awaitAccepting(direct);

            LoadGenerator load = new LoadGenerator();
            System.out.println("warming up " + warmup.toSeconds() + " s (gateway) + " + warmup.toSeconds() / 2 + " s (direct)");
            load.run("warmup", viaGateway, body("wg"), concurrency, maxRequests, warmup);
            load.run("warmup", direct, body("wd"), concurrency, maxRequests, warmup.dividedBy(2));

            List<LoadGenerator.Result> directResults = new ArrayList<>();
            List<LoadGenerator.Result> gatewayResults = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                LoadGenerator.Result d = load.run("direct", direct, body("d" + r), concurrency, maxRequests, round);
                System.out.println("round " + r + "  " + d);
                LoadGenerator.Result g = load.run("gateway", viaGateway, body("g" + r), concurrency, maxRequests, round);
                System.out.println("round " + r + "  " + g + "  ratio " + String.format("%.2f",
                        g.requestsPerSecond() / d.requestsPerSecond()));
                directResults.add(d);
                gatewayResults.add(g);
            }
            double directRps = median(directResults, LoadGenerator.Result::requestsPerSecond);
            double gatewayRps = median(gatewayResults, LoadGenerator.Result::requestsPerSecond);
            System.out.printf("%nRESULT submission c=%d, median of %d rounds: direct %,.0f req/s p50 %.2f ms p99 %.2f ms"
                    + " | gateway %,.0f req/s p50 %.2f ms p99 %.2f ms | gateway/direct %.2f%n", concurrency, rounds,
                    directRps, median(directResults, x -> x.latencies().percentileMillis(50)),
                    median(directResults, x -> x.latencies().percentileMillis(99)), gatewayRps,
                    median(gatewayResults, x -> x.latencies().percentileMillis(50)),
                    median(gatewayResults, x -> x.latencies().percentileMillis(99)), gatewayRps / directRps);
        }
    }

    /** A distinct comment per request: never a duplicate, never the same address twice in a row. */
    private static LongFunction<String> body(String run) {
        return n -> "{\"authorName\":\"خواننده %s-%d\",\"authorEmail\":\"r%s-%d@example.ir\",\"body\":\"دیدگاه %s-%d دربارهٔ این خبر؛ به نظرم گزارش خوبی بود.\"}"
                .formatted(run, n, run, n, run, n);
    }

    private static void awaitAccepting(URI comments) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(comments).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body("probe").apply(0), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 202) {
                return;
            }
            Thread.sleep(250); // polling the stack's readiness; not a timed test
        }
        throw new IllegalStateException("comment-service never accepted comments on the published article");
    }

    private static String post(URI uri, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("Unexpected answer: " + text);
        }
        return m.group(1);
    }

    private static double median(List<LoadGenerator.Result> results, ToDoubleFunction<LoadGenerator.Result> value) {
        List<Double> values = results.stream().map(value::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
        return values.get(values.size() / 2);
    }
}
