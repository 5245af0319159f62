package ir.sarkhat.analytics.stats.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.analytics.stats.ReadershipQueries;
import ir.sarkhat.kit.problem.ApiProblem;

@RestController
@RequestMapping("/api/analytics")
class ReadershipController {

    private final ReadershipQueries queries;

    ReadershipController(ReadershipQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/articles/{articleId}")
    ArticleStatsResponse article(@PathVariable String articleId) {
        return queries.totals(articleId)
                .map(t -> new ArticleStatsResponse(articleId, t.views(), t.uniqueVisitors(), t.comments()))
                .orElseThrow(() -> ApiProblem.notFound(
                        "No article with this id has been published or viewed. Check the article id."));
    }
}
