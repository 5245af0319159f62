package ir.sarkhat.article.search.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.article.search.ArticleSearch;

/** Public search over published articles; no account needed. */
@RestController
class SearchController {

    private final ArticleSearch search;

    SearchController(ArticleSearch search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    SearchResponse search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "10") int size) {
        return SearchResponse.of(search.search(q, page, size));
    }
}
