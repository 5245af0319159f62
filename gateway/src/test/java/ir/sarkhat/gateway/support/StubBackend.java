package ir.sarkhat.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A backend service stand-in on the JDK's HTTP server. Every answer names the service in {@code X-Stub-Service}.
 * Article pages, as article-service would answer them:
 * <ul>
 * <li>{@code /articles/x}: 200 with {@code X-Sarkhat-Article-Id: a1};</li>
 * <li>{@code /articles/missing-…}: 404, still with the header;</li>
 * <li>{@code /articles/no-id-…}: 200 without the header;</li>
 * <li>{@code /articles/slow}: answers only after {@link #releaseSlow()} (or 5 s);</li>
 * <li>any other {@code /articles/…}: 200 with {@code X-Sarkhat-Article-Id: art-<last segment>}.</li>
 * </ul>
 * {@code /moderation…} answers with its own Content-Security-Policy, as the staff pages do. {@code /editor} is a
 * staff page shell as article-service's desk is: it links the gateway's shared session script and shows who is
 * signed in (from {@code /editor/probe.js}), so the sign-in handoff can be followed in a browser.
 */
public final class StubBackend {

    public static final String ARTICLE_ID_HEADER = "X-Sarkhat-Article-Id";

    private final String name;
    private final HttpServer server;
    private final Map<String, Headers> lastHeadersByPath = new ConcurrentHashMap<>();
    private final Map<String, byte[]> lastBodyByPath = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> hitsByPath = new ConcurrentHashMap<>();
    private final CountDownLatch slow = new CountDownLatch(1);

    private StubBackend(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "stub-" + name);
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubBackend start(String name) {
        return new StubBackend(name);
    }

    public String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request headers the backend last received on this path (raw path, as sent). */
    public Headers lastHeaders(String path) {
        return lastHeadersByPath.get(path);
    }

    /** The request body the backend last received on this path (raw path, as sent). */
    public String lastBody(String path) {
        byte[] body = lastBodyByPath.get(path);
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    /** How many requests reached this path (raw path, as sent). */
    public int hits(String path) {
        java.util.concurrent.atomic.AtomicInteger hits = hitsByPath.get(path);
        return hits == null ? 0 : hits.get();
    }

    public void releaseSlow() {
        slow.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] received = body.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            lastBodyByPath.put(path, received);
            lastHeadersByPath.put(path, exchange.getRequestHeaders());
            hitsByPath.computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            Headers response = exchange.getResponseHeaders();
            response.set("X-Stub-Service", name);
            if (path.startsWith("/moderation")) {
                // Like the staff pages: the service sends its own, stricter policy.
                response.set("Content-Security-Policy", "default-src 'none'; script-src 'self'");
            }
            int status = 200;
            if (path.equals("/editor") || path.equals("/editor/probe.js")) {
                staffPage(exchange, path);
                return;
            }
            if (path.startsWith("/articles/")) {
                String slug = path.substring(path.lastIndexOf('/') + 1);
                if (path.equals("/articles/x")) {
                    response.set(ARTICLE_ID_HEADER, "a1");
                } else if (slug.startsWith("missing-")) {
                    response.set(ARTICLE_ID_HEADER, "art-" + slug);
                    status = 404;
                } else if (slug.equals("slow")) {
                    awaitRelease();
                } else if (!slug.startsWith("no-id-")) {
                    response.set(ARTICLE_ID_HEADER, "art-" + slug);
                }
                response.set("Content-Type", "text/html; charset=utf-8");
            } else {
                response.set("Content-Type", "application/json");
            }
            byte[] bytes = ("{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static final String STAFF_PAGE = """
            <!DOCTYPE html>
            <html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>میز تحریریه</title>
            <link rel="stylesheet" href="/staff-assets/staff.css">
            <script src="/staff-assets/session.js" defer></script><script src="/editor/probe.js" defer></script>
            </head><body><main><header class="top"><h1>میز تحریریه</h1>
            <p class="who" id="who" hidden><span id="who-name"></span> <button type="button" id="sign-out">خروج</button></p>
            </header></main></body></html>
            """;

    private static void staffPage(HttpExchange exchange, String path) throws IOException {
        boolean script = path.endsWith(".js");
        byte[] bytes = (script ? "window.SarkhatStaff.begin('دبیر');" : STAFF_PAGE).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", script ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitRelease() {
        try {
            slow.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String first(Headers headers, String name) {
        List<String> values = headers == null ? null : headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
