package ir.sarkhat.article.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** schema.org {@code NewsArticle} for an article page, safe to place inside {@code <script type="application/ld+json">}. */
final class JsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private JsonLd() {
    }

    static String newsArticle(PageArticle a, Site site, String canonical) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", a.title());
        ld.put("description", a.excerpt());
        ld.put("datePublished", iso(a.publishedAt()));
        ld.put("dateModified", iso(a.modifiedAt()));
        if (a.author() != null) {
            ld.put("author", Map.of("@type", "Person", "name", a.author(), "url", site.url(Site.authorPath(a.author()))));
        }
        if (a.featuredImage() != null) {
            ld.put("image", List.of(a.featuredImage().url()));
        }
        ld.put("publisher", Map.of("@type", "Organization", "name", site.name(), "url", site.url("/")));
        ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", canonical));
        ld.put("inLanguage", "fa-IR");
        if (!a.tags().isEmpty()) {
            ld.put("keywords", String.join("، ", a.tags()));
        }
        return escapeForScript(JSON.writeValueAsString(ld));
    }

    /** ISO-8601 with the Tehran offset, e.g. {@code 2023-04-09T12:00:00+03:30}. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(TEHRAN));
    }

    /**
     * Still the same JSON, but no {@code </script>}, {@code <!--} or {@code ]]>} can close the element
     * early: {@code < > &} become JSON unicode escapes, as do the line separators JavaScript rejects.
     */
    static String escapeForScript(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (char c : json.toCharArray()) {
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
