package ir.sarkhat.article.articles.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.article.articles.ArticleReading;

/** Readers' JSON queries; published articles only, no account needed. */
@RestController
@RequestMapping("/api/articles")
class PublicArticleController {

    private final ArticleReading reading;

    PublicArticleController(ArticleReading reading) {
        this.reading = reading;
    }

    @GetMapping
    ArticleListResponse list(@RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) String cursor) {
        return ArticleListResponse.of(reading.published(cursor, limit));
    }

    @GetMapping("/{slug}")
    PublicArticleResponse bySlug(@PathVariable String slug) {
        return PublicArticleResponse.of(reading.publishedBySlug(slug));
    }
}
