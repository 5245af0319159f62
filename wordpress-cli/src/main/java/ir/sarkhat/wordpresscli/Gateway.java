package ir.sarkhat.wordpresscli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The calls the command makes, all through the gateway, as the signed-in admin. */
final class Gateway {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String username;
    private final String password;
    private String token;

    Gateway(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.username = username;
        this.password = password;
    }

    /** Signs in (again): tokens expire, a long import outlives one. */
    void login() throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("username", username, "password", password));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new CliException("Sign-in as " + username + " failed (" + response.statusCode() + "): "
                    + detail(response.body()));
        }
        token = JSON.readTree(response.body()).get("accessToken").asString();
    }

    /** Streams the file as the request body (never read whole into memory); returns the job. */
    JsonNode upload(Path file) throws IOException, InterruptedException {
        String name = URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(authorized("/api/admin/import/wxr?name=" + name)
                .header("Content-Type", "application/rss+xml")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        return accepted(response, "The import was refused");
    }

    JsonNode job(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized("/api/admin/import/jobs/" + id).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new CliException("Reading job " + id + " failed (" + response.statusCode() + "): " + detail(response.body()));
        }
        return JSON.readTree(response.body());
    }

    JsonNode resume(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized("/api/admin/import/jobs/" + id + "/resume")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return accepted(response, "Resuming job " + id + " was refused");
    }

    /** Downloads the WXR export to {@code out} as it arrives. */
    long export(Path out) throws IOException, InterruptedException {
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        HttpResponse<Path> response = http.send(authorized("/api/admin/export/wxr").GET().build(),
                HttpResponse.BodyHandlers.ofFile(partial));
        if (response.statusCode() != 200) {
            String body = java.nio.file.Files.readString(partial);
            java.nio.file.Files.deleteIfExists(partial);
            throw new CliException("The export was refused (" + response.statusCode() + "): " + detail(body));
        }
        java.nio.file.Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        return java.nio.file.Files.size(out);
    }

    private JsonNode accepted(HttpResponse<String> response, String what) {
        if (response.statusCode() != 202) {
            throw new CliException(what + " (" + response.statusCode() + "): " + detail(response.body()));
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** The problem's detail when the answer is one, else the body itself. */
    static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.hasNonNull("detail")) {
                return problem.get("detail").asString();
            }
        } catch (RuntimeException notJson) {
            // fall through
        }
        return body == null || body.isBlank() ? "(no details)" : body.strip();
    }
}
