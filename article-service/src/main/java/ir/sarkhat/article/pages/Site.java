package ir.sarkhat.article.pages;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** The site's public name and address: every canonical URL, feed link and sitemap entry is absolute. */
@Component
public class Site {

    private final String baseUrl;
    private final String name;

    Site(@Value("${sarkhat.site.base-url:http://localhost:8080}") String baseUrl,
            @Value("${sarkhat.site.name:سرخط}") String name) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** {@code path} must already be encoded, e.g. from {@link #articlePath}. */
    public String url(String path) {
        return baseUrl + path;
    }

    public static String articlePath(String slug) {
        return "/articles/" + segment(slug);
    }

    public static String tagPath(String tag) {
        return "/tag/" + segment(tag);
    }

    public static String categoryPath(String slug) {
        return "/category/" + segment(slug);
    }

    public static String authorPath(String username) {
        return "/author/" + segment(username);
    }

    /** Persian letters percent-encoded as UTF-8, as browsers send them. */
    static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
