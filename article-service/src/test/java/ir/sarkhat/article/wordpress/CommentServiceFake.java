package ir.sarkhat.article.wordpress;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * comment-service's import endpoint as article-service sees it over HTTP: it keeps what it received
 * by WordPress comment id (so a batch sent again counts as already imported, like the real one) and
 * can be told to be down for a while. The real endpoint is tested in comment-service and end to end.
 */
final class CommentServiceFake implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Map<Long, JsonNode> comments = new ConcurrentHashMap<>();
    final Map<Long, String> articleOf = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    /** Calls after this many answer 503 (comment-service down); negative = always up. */
    final AtomicInteger downAfter = new AtomicInteger(-1);
    private final HttpServer server;

    CommentServiceFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/admin/import/comments", exchange -> {
            int call = calls.incrementAndGet();
            JsonNode batch = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String body;
            int status;
            if (downAfter.get() >= 0 && call > downAfter.get()) {
                status = 503;
                body = "{\"title\":\"down\"}";
            } else {
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                int imported = 0;
                int already = 0;
                for (JsonNode c : batch.get("comments")) {
                    long id = c.get("wordpressId").asLong();
                    if (comments.putIfAbsent(id, c) == null) {
                        articleOf.put(id, batch.get("articleId").asString());
                        imported++;
                    } else {
                        already++;
                    }
                }
                status = 200;
                body = "{\"imported\":" + imported + ",\"alreadyImported\":" + already + ",\"failed\":[],\"notes\":[]}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reset() {
        comments.clear();
        articleOf.clear();
        authorizations.clear();
        calls.set(0);
        downAfter.set(-1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
