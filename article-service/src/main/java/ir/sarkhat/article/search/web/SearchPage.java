package ir.sarkhat.article.search.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import ir.sarkhat.article.search.ArticleSearch;
import ir.sarkhat.article.text.PersianDates;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * The search page, server-rendered so it works without JavaScript: a GET form, results, paging
 * links. Result pages are {@code noindex} (search engines should index articles, not our queries).
 */
@Controller
class SearchPage {

    private final ArticleSearch search;
    private final int pageSize;

    SearchPage(ArticleSearch search, @Value("${sarkhat.search.page-size:10}") int pageSize) {
        this.search = search;
        this.pageSize = Math.max(1, Math.min(pageSize, ArticleSearch.MAX_SIZE));
    }

    @GetMapping("/search")
    ModelAndView page(@RequestParam(required = false) String q, @RequestParam(required = false) String page) {
        if (q == null || q.isBlank()) {
            return view(SearchPageModel.empty(), HttpStatus.OK);
        }
        if (q.strip().length() > ArticleSearch.MAX_QUERY_LENGTH) {
            return view(SearchPageModel.refused(q.strip().substring(0, ArticleSearch.MAX_QUERY_LENGTH),
                    "عبارت جست‌وجو بیش از " + PersianDates.number(ArticleSearch.MAX_QUERY_LENGTH)
                            + " نویسه است؛ آن را کوتاه‌تر کنید."), HttpStatus.BAD_REQUEST);
        }
        try {
            return view(SearchPageModel.of(search.search(q, pageNumber(page), pageSize)), HttpStatus.OK);
        } catch (ApiProblem refused) {
            return view(SearchPageModel.refused(q.strip(), "این جست‌وجو انجام نشد؛ عبارت را تغییر دهید."),
                    HttpStatus.BAD_REQUEST);
        }
    }

    /** A page number that is not one (a hand-edited link) shows the first page rather than an error. */
    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static ModelAndView view(SearchPageModel model, HttpStatus status) {
        ModelAndView view = new ModelAndView("search", status);
        view.addObject("search", model);
        view.addObject("canonicalUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + model.canonicalPath());
        return view;
    }
}
