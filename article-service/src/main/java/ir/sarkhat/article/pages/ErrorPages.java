package ir.sarkhat.article.pages;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** Readers get errors as Persian HTML pages, not problem+json. */
final class ErrorPages {

    private ErrorPages() {
    }

    static ModelAndView notFound(Site site, String message) {
        return page(site, HttpStatus.NOT_FOUND, "این صفحه پیدا نشد", message);
    }

    static ModelAndView badCursor(Site site) {
        return page(site, HttpStatus.BAD_REQUEST, "نشانی این صفحه درست نیست",
                "پیوند «خبرهای بیشتر» این صفحه را ما نساخته‌ایم یا ناقص کپی شده است. از صفحه اول دوباره شروع کنید.");
    }

    private static ModelAndView page(Site site, HttpStatus status, String heading, String message) {
        ModelAndView page = new ModelAndView("not-found", status);
        page.addObject("meta", new PageMeta(heading + " | " + site.name(), message, null, "website", null, null, null,
                site.name()));
        page.addObject("heading", heading);
        page.addObject("message", message);
        return page;
    }
}
