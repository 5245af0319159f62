package ir.sarkhat.article.wordpress;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import ir.sarkhat.article.articles.ArticleImports;
import ir.sarkhat.article.categories.Categories;
import ir.sarkhat.article.categories.CategoryNode;
import ir.sarkhat.article.comments.PublicComments;
import ir.sarkhat.article.pages.Site;

/**
 * {@code GET /api/admin/export/wxr} (ADMIN): every article (all states), the categories with their
 * hierarchy, the tags and the approved comments as a WXR 1.2 file that WordPress — and this
 * service's own import — can read. Streamed while the articles are read.
 */
@RestController
class WxrExportController {

    private final ArticleImports articles;
    private final Categories categories;
    private final PublicComments comments;
    private final Site site;

    WxrExportController(ArticleImports articles, Categories categories, PublicComments comments, Site site) {
        this.articles = articles;
        this.categories = categories;
        this.comments = comments;
        this.site = site;
    }

    @GetMapping("/api/admin/export/wxr")
    ResponseEntity<StreamingResponseBody> export() {
        String fileName = "sarkhat-" + LocalDate.now(ZoneOffset.UTC) + ".wordpress.xml";
        StreamingResponseBody body = out -> {
            List<CategoryNode> tree = categories.tree();
            Map<String, String> names = new HashMap<>();
            collectNames(tree, names);
            try (WxrWriter wxr = new WxrWriter(out, site.url(""))) {
                wxr.start(site.name(), articles.distinct("author"), tree, articles.distinct("tags"));
                articles.forEach(article -> {
                    try {
                        wxr.article(article, names, comments.visibleOf(article.id()));
                    } catch (XMLStreamException e) {
                        throw new UncheckedIOException(new java.io.IOException(e));
                    }
                });
                wxr.end();
            } catch (XMLStreamException e) {
                throw new java.io.IOException(e);
            }
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "rss+xml", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }

    private static void collectNames(List<CategoryNode> nodes, Map<String, String> names) {
        for (CategoryNode node : nodes) {
            names.put(node.slug(), node.name());
            collectNames(node.children(), names);
        }
    }
}
