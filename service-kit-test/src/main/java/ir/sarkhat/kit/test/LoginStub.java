package ir.sarkhat.kit.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the gateway in browser tests of one service's staff page: on one origin it serves the real shared
 * sign-in page, session script and stylesheet (the staff-shell module, as the gateway does at {@code /login} and
 * {@code /staff-assets/}), answers {@code POST /api/auth/login} for its accounts with {@link TestTokens} tokens and
 * {@code POST /api/auth/logout}, and forwards every other request to the service (streamed, so server-sent events
 * pass). The page and the sign-in page share an origin, as behind the real gateway, so the token handoff through
 * {@code sessionStorage} is the real one.
 */
public final class LoginStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHELL = "sarkhat/staff-shell/";
    private static final Map<String, String> SHELL_FILES = Map.of(
            "login.js", "text/javascript; charset=utf-8",
            "session.js", "text/javascript; charset=utf-8",
            "staff.css", "text/css; charset=utf-8");
    /** Hop-by-hop headers and those the JDK client sets itself: never copied. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade", "via", "warning");

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger logouts = new AtomicInteger();
    private volatile int servicePort = -1;

    private record Account(String password, String[] roles) {
    }

    private LoginStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        // Several threads: an open event stream holds one for as long as the page lives.
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "login-stub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/login", this::loginPage);
        server.createContext("/staff-assets/", this::shellFile);
        server.createContext("/api/auth/login", this::login);
        server.createContext("/api/auth/logout", this::logout);
        server.createContext("/", this::forward);
        server.start();
    }

    /** A stub with one account; add more with {@link #account}. */
    public static LoginStub start(String username, String password, String... roles) {
        try {
            return new LoginStub().account(username, password, roles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LoginStub account(String username, String password, String... roles) {
        accounts.put(username, new Account(password, roles));
        return this;
    }

    /** The service every other request goes to (its port is known only once it runs). */
    public LoginStub forwardTo(int port) {
        this.servicePort = port;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** An address on the stub's origin, e.g. {@code url("/editor")}: what a browser would open at the gateway. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /**
     * Where a staff page sends a visitor without a token: the sign-in page with the page's address (path, query) as
     * the return target, encoded as the page's script does ({@code encodeURIComponent}).
     */
    public String signInUrlFor(String pathAndQuery) {
        return url("/login?next=" + URLEncoder.encode(pathAndQuery, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** How many times a page signed out at {@code /api/auth/logout}. */
    public int logouts() {
        return logouts.get();
    }

    public void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void loginPage(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/login")) {
            forward(exchange);
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", resource("login.html"));
    }

    private void shellFile(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/staff-assets/".length());
        String type = SHELL_FILES.get(name);
        if (type == null) {
            send(exchange, 404, "text/plain; charset=utf-8", new byte[0]);
        } else {
            send(exchange, 200, type, resource(name));
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        JsonNode credentials = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Account account = accounts.get(credentials.path("username").asString());
        boolean valid = account != null && account.password().equals(credentials.path("password").asString());
        String body = valid
                ? "{\"accessToken\":\"" + TestTokens.bearer(credentials.path("username").asString(), account.roles())
                        .substring("Bearer ".length()) + "\",\"tokenType\":\"Bearer\",\"expiresIn\":900}"
                : "{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"Wrong username or password.\"}";
        send(exchange, valid ? 200 : 401, valid ? "application/json" : "application/problem+json",
                body.getBytes(StandardCharsets.UTF_8));
    }

    private void logout(HttpExchange exchange) throws IOException {
        logouts.incrementAndGet();
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** Everything else goes to the service, as the gateway routes it; the answer is streamed back as it comes. */
    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (servicePort < 0) {
                throw new IllegalStateException("LoginStub.forwardTo(port) was not called");
            }
            URI uri = exchange.getRequestURI();
            URI target = URI.create("http://127.0.0.1:" + servicePort + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(),
                    body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            try (InputStream in = response.body()) {
                int status = response.statusCode();
                if (status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(status, -1);
                    return;
                }
                exchange.sendResponseHeaders(status, 0);
                OutputStream out = exchange.getResponseBody();
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush(); // an event of a stream reaches the page at once
                }
                out.close();
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LoginStub.class.getClassLoader().getResourceAsStream(SHELL + name)) {
            if (in == null) {
                throw new IOException("Missing from the staff-shell module: " + SHELL + name);
            }
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }
}
