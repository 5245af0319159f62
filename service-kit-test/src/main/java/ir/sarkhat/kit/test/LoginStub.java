package ir.sarkhat.kit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the gateway's {@code POST /api/auth/login} in browser tests of the staff pages: one
 * account, answered with a {@link TestTokens} token, on another origin than the page (hence CORS).
 */
public final class LoginStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String username;
    private final String password;
    private final String[] roles;

    private LoginStub(String username, String password, String[] roles) throws IOException {
        this.username = username;
        this.password = password;
        this.roles = roles;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/auth/login", this::login);
        server.start();
    }

    public static LoginStub start(String username, String password, String... roles) {
        try {
            return new LoginStub(username, password, roles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The login URL to give the page ({@code sarkhat.pages.login-url}). */
    public String url() {
        return "http://127.0.0.1:" + port() + "/api/auth/login";
    }

    public void stop() {
        server.stop(0);
    }

    private void login(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
        exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        JsonNode credentials = JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        boolean valid = username.equals(credentials.path("username").asString())
                && password.equals(credentials.path("password").asString());
        String body = valid
                ? "{\"accessToken\":\"" + TestTokens.bearer(username, roles).substring("Bearer ".length())
                        + "\",\"tokenType\":\"Bearer\",\"expiresIn\":900}"
                : "{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"Wrong username or password.\"}";
        exchange.getResponseHeaders().add("Content-Type", valid ? "application/json" : "application/problem+json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(valid ? 200 : 401, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
