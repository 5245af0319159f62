package ir.sarkhat.comment.pages;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Test only: an article page as article-service renders it — the comments section with one
 * server-rendered comment (what readers without JavaScript see), the widget's stylesheet and script.
 * Found by component scanning (test sources share the package). Lives under /comments/ so the
 * pages' security rules, and their CSP, apply to it too.
 */
@RestController
class ArticlePageStub {

    static final String SERVER_RENDERED = "دیدگاه رندرشده در سرور";

    @GetMapping(value = "/comments/test-article/{articleId}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String articleId) {
        return """
                <!DOCTYPE html>
                <html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>خبر آزمایشی</title>
                <link rel="stylesheet" href="/comments/widget.css">
                <script src="/comments/widget.js" defer></script></head>
                <body><article><h1>پنجره واحد دولت هوشمند راه‌اندازی شد</h1><p>متن خبر…</p></article>
                <section id="comments" data-article-id="%s">
                  <h2>۱ دیدگاه</h2><ol><li class="server-comment">%s</li></ol>
                  <p class="no-js">برای نوشتن دیدگاه، جاوااسکریپت مرورگر را روشن کنید.</p>
                </section></body></html>
                """.formatted(HtmlUtils.htmlEscape(articleId), SERVER_RENDERED);
    }
}
