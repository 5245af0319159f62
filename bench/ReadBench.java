import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hot article reads, through the gateway and straight to article-service, in one run.
 * A small closed-loop load generator: a fixed number of connections (one thread each, HTTP/1.1
 * keep-alive, reconnecting when the server closes), loopback only, for a fixed time per target.
 * Warms every target up first (each gateway target for the whole warm-up time, each direct one a third), then measures the four targets in turn, round after round, and prints
 * req/s, p50, p99 per round and the medians of the rounds, with the through-gateway ÷ direct ratios.
 *
 * java bench/ReadBench.java GATEWAY_URL DIRECT_URL [connections] [warmupSeconds] [seconds] [rounds]
 * java bench/ReadBench.java --publish-only GATEWAY_URL     (prints the published article's slug, for WrkBench)
 *
 * First it signs in as the admin (SARKHAT_ADMIN_USER / SARKHAT_ADMIN_PASSWORD) through the gateway and
 * publishes the 400-word fixture article, whose slug it then reads.
 */
public class ReadBench {

    record Target(String name, URI uri) {
    }

    record Result(double rps, double p50Ms, double p99Ms, long errors) {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--publish-only")) {
            System.out.println(publishFixtureArticle(args[1]));
            return;
        }
        String gateway = args[0];
        String direct = args[1];
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        String slug = publishFixtureArticle(gateway);
        System.out.println("article: " + gateway + "/articles/" + slug);
        List<Target> targets = List.of(
                new Target("page via gateway", URI.create(gateway + "/articles/" + slug)),
                new Target("page direct     ", URI.create(direct + "/articles/" + slug)),
                new Target("json via gateway", URI.create(gateway + "/api/articles/" + slug)),
                new Target("json direct     ", URI.create(direct + "/api/articles/" + slug)));
        for (Target t : targets) {
            if (!t.uri().getHost().equals("127.0.0.1") && !t.uri().getHost().equals("localhost")) {
                throw new IllegalArgumentException("loopback only: " + t.uri());
            }
        }
        System.out.printf("connections=%d warmup=%ds per-target=%ds rounds=%d cores=%d%n", connections, warmup, seconds,
                rounds, Runtime.getRuntime().availableProcessors());
        // The gateway (reactive, Netty) needs the longer JIT warm-up; the service gets a third of it.
        for (Target t : targets) {
            run(t, connections, (t.name().contains("gateway") ? warmup : Math.max(1, warmup / 3)) * 1000L);
        }
        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Target t : targets) {
                Result r = run(t, connections, seconds * 1000L);
                results.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(r);
                System.out.printf("round %d  %s  %9.0f req/s  p50 %6.2f ms  p99 %7.2f ms  errors %d%n", round, t.name(),
                        r.rps(), r.p50Ms(), r.p99Ms(), r.errors());
            }
        }
        System.out.println("\nmedian of " + rounds + " rounds:");
        Map<String, Result> medians = new LinkedHashMap<>();
        results.forEach((name, list) -> {
            Result m = new Result(median(list.stream().mapToDouble(Result::rps).toArray()),
                    median(list.stream().mapToDouble(Result::p50Ms).toArray()),
                    median(list.stream().mapToDouble(Result::p99Ms).toArray()),
                    list.stream().mapToLong(Result::errors).sum());
            medians.put(name, m);
            System.out.printf("  %s  %9.0f req/s  p50 %6.2f ms  p99 %7.2f ms  errors %d%n", name, m.rps(), m.p50Ms(),
                    m.p99Ms(), m.errors());
        });
        List<Result> m = new ArrayList<>(medians.values());
        System.out.printf("ratio through gateway / direct: page %.2f×, json %.2f×%n", m.get(0).rps() / m.get(1).rps(),
                m.get(2).rps() / m.get(3).rps());
    }

    /** Signs in, creates and publishes the fixture article; returns its percent-encoded slug. */
    static String publishFixtureArticle(String gateway) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String login = "{\"username\":" + json(System.getenv().getOrDefault("SARKHAT_ADMIN_USER", "admin"))
                + ",\"password\":" + json(System.getenv("SARKHAT_ADMIN_PASSWORD")) + "}";
        String token = field(post(http, gateway + "/api/auth/login", login, null), "accessToken");
        String body = java.nio.file.Files.readString(java.nio.file.Path.of(
                "article-service/src/test/resources/smart-government-window-body.md"));
        String title = body.lines().findFirst().orElseThrow().replace("#", "").strip();
        String created = post(http, gateway + "/api/articles", "{\"title\":" + json(title) + ",\"body\":" + json(body)
                + ",\"tags\":[\"دولت هوشمند\",\"فناوری\"],\"source\":\"ایسنا\"}", token);
        String published = post(http, gateway + "/api/articles/" + field(created, "id") + "/publish", "", token);
        return java.net.URLEncoder.encode(field(published, "slug"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String post(java.net.http.HttpClient http, String url, String body, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** A string field of a flat JSON answer (good enough for ids, slugs and tokens). */
    static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    static Result run(Target target, int connections, long millis) throws InterruptedException {
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + millis * 1_000_000L;
        Thread[] threads = new Thread[connections];
        for (int i = 0; i < connections; i++) {
            int slot = i;
            threads[i] = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                Connection connection = null;
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new Connection(target.uri());
                        }
                        int status = connection.get();
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                        continue;
                    }
                    if (connection.closeRequested) {
                        connection.close();
                        connection = null;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - start;
                }
                if (connection != null) {
                    connection.close();
                }
                latencies[slot] = mine;
                counts[slot] = n;
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < connections; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new Result(total / (millis / 1000.0), percentile(all, 0.50), percentile(all, 0.99), errors.get());
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1_000_000.0;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** One keep-alive HTTP/1.1 connection; reads a whole response (Content-Length or chunked) and drops the body. */
    static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] request;
        private final byte[] skip = new byte[16 * 1024];
        boolean closeRequested;

        Connection(URI uri) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
            request = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUser-Agent: sarkhat-readbench\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        int get() throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closeRequested = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    discard(size);
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers: none expected
                }
            } else if (length >= 0) {
                discard(length);
            } else {
                throw new IOException("response without length");
            }
            return status;
        }

        private void discard(long n) throws IOException {
            while (n > 0) {
                int read = in.read(skip, 0, (int) Math.min(skip.length, n));
                if (read < 0) {
                    throw new IOException("closed mid-body");
                }
                n -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            throw new IOException("connection closed");
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
