package ir.sarkhat.comment.pages;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The widget's and the console's scripts and styles, read once at startup with a content hash each.
 * Pages that know the hash link {@code /comments/widget.js?v=<hash>} (cached for a year); the article
 * page links the plain URL (cached briefly and revalidated by ETag), so a new release reaches readers
 * within minutes without article-service knowing our hashes.
 */
@Component
class PageAssets {

    static final String LOCATION = "static/comments/";

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    PageAssets() {
        for (String name : new String[] { "widget.js", "widget.css", "console.js", "console.css" }) {
            assets.put(name, load(name));
        }
    }

    Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /** The long-cacheable URL of an asset: path plus its content hash. */
    String versionedUrl(String name) {
        return "/comments/" + name + "?v=" + assets.get(name).hash();
    }

    record Asset(String name, byte[] content, String hash, MediaType type) {
    }

    private static Asset load(String name) {
        try (InputStream in = new ClassPathResource(LOCATION + name).getInputStream()) {
            byte[] content = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
            MediaType type = new MediaType("text", name.endsWith(".js") ? "javascript" : "css", UTF_8);
            return new Asset(name, content, hash, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Page asset missing from the build: " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
