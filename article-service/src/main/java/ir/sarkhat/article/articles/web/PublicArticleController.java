package ir.sarkhat.article.articles.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleFilter;
import ir.sarkhat.article.articles.ArticleLink;
import ir.sarkhat.article.articles.ArticleReading;
import ir.sarkhat.article.articles.ArticleView;
import ir.sarkhat.article.stats.Readership;
import ir.sarkhat.kit.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** Readers' JSON queries; published articles only, no account needed. */
@RestController
@RequestMapping("/api/articles")
class PublicArticleController {

    private final ArticleReading reading;
    private final JsonMapper json;

    PublicArticleController(ArticleReading reading, JsonMapper json) {
        this.reading = reading;
        this.json = json;
    }

    /** Newest first; {@code tag}, {@code category} (with its subcategories), {@code author}, {@code sticky} combine. */
    @GetMapping
    ArticleListResponse list(@RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String category, @RequestParam(required = false) String author,
            @RequestParam(required = false) Boolean sticky) {
        return ArticleListResponse.of(reading.published(new ArticleFilter(tag, category, author, sticky), cursor, limit));
    }

    /** A published article; an old slug answers 301 to the current address. */
    @GetMapping("/{slug}")
    ResponseEntity<PublicArticleResponse> bySlug(@PathVariable String slug, HttpServletRequest request) {
        ArticleView view;
        try {
            view = reading.publishedBySlug(slug);
        } catch (ApiProblem notFound) {
            Optional<String> moved = reading.currentSlugFor(slug);
            if (moved.isEmpty()) {
                throw notFound;
            }
            String location = "/api/articles/" + URLEncoder.encode(moved.get(), StandardCharsets.UTF_8).replace("+", "%20");
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(location)).build();
        }
        Article article = view.article();
        request.setAttribute(Readership.SHOWN, view.readership());
        PublicArticleResponse body = PublicArticleResponse.of(view, reading.related(article),
                reading.previous(article).orElse(null), reading.next(article).orElse(null));
        // Besides the article's version this shows counters and links to others: tag the bytes themselves.
        return ResponseEntity.ok().eTag(ETags.ofContent(json.writeValueAsBytes(body))).body(body);
    }
}
