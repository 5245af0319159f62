package ir.sarkhat.article.pages;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import ir.sarkhat.article.articles.ArticleReading;
import ir.sarkhat.article.articles.ArticleView;
import ir.sarkhat.article.comments.PublicComments;
import ir.sarkhat.kit.problem.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;

/** Server-rendered pages that work without JavaScript. A missing article is a Persian HTML 404, not JSON. */
@Controller
class ReaderPages {

    /** The gateway removes this header and counts one view of the article. */
    static final String ARTICLE_ID_HEADER = "X-Sarkhat-Article-Id";
    private static final int HOME_PAGE_SIZE = 20;

    private final ArticleReading reading;
    private final PublicComments comments;

    ReaderPages(ArticleReading reading, PublicComments comments) {
        this.reading = reading;
        this.comments = comments;
    }

    @GetMapping("/")
    ModelAndView home() {
        ModelAndView page = new ModelAndView("home");
        page.addObject("articles", reading.published(null, HOME_PAGE_SIZE).items().stream()
                .map(ArticlePageModel::of).toList());
        return page;
    }

    @GetMapping("/articles/{slug}")
    ModelAndView article(@PathVariable String slug, HttpServletResponse response) {
        ArticleView view;
        try {
            view = reading.publishedBySlug(slug);
        } catch (ApiProblem notFound) {
            return new ModelAndView("not-found", HttpStatus.NOT_FOUND);
        }
        response.setHeader(ARTICLE_ID_HEADER, view.article().id());
        ModelAndView page = new ModelAndView("article");
        page.addObject("article", ArticlePageModel.of(view));
        page.addObject("comments", comments.sectionFor(view.article().id()));
        return page;
    }
}
