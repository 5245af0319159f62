package ir.sarkhat.article.wordpress;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleImports;
import ir.sarkhat.article.articles.ArticleReading;
import ir.sarkhat.article.pages.Site;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * The addresses an imported site's readers and search engines know: {@code /?p=123} and the
 * date permalinks {@code /2013/01/10/slug/} answer 301 to the article's page here.
 */
@RestController
class OldWordPressLinks {

    private final ArticleImports imports;
    private final ArticleReading reading;

    OldWordPressLinks(ArticleImports imports, ArticleReading reading) {
        this.imports = imports;
        this.reading = reading;
    }

    @GetMapping(path = "/", params = "p")
    ResponseEntity<Void> byPostId(@RequestParam("p") String postId) {
        long id;
        try {
            id = Long.parseLong(postId.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("p: a WordPress post id is a number.");
        }
        Article article = imports.byWordpressId(id).filter(Article::isPublished)
                .orElseThrow(() -> ApiProblem.notFound("No published article was imported from WordPress post " + id + "."));
        return moved(article.slug());
    }

    @GetMapping({ "/{year:[0-9]{4}}/{month:[0-9]{2}}/{day:[0-9]{2}}/{slug}",
            "/{year:[0-9]{4}}/{month:[0-9]{2}}/{day:[0-9]{2}}/{slug}/" })
    ResponseEntity<Void> byDatePermalink(@PathVariable String slug) {
        String current = reading.currentSlugFor(slug).orElseGet(() -> reading.publishedBySlug(slug).article().slug());
        return moved(current);
    }

    private static ResponseEntity<Void> moved(String slug) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(Site.articlePath(slug))).build();
    }
}
