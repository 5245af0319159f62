package ir.sarkhat.article.editor;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.article.articles.ArticleEditing;
import ir.sarkhat.article.articles.ArticleStatus;
import ir.sarkhat.article.text.HtmlBody;
import ir.sarkhat.article.text.MarkdownBody;
import ir.sarkhat.article.text.ReadingTime;
import ir.sarkhat.kit.problem.ApiProblem;

/** What the editor pages need beyond the article API: a list of every state, and a preview (role EDITOR). */
@RestController
@RequestMapping("/api/editor")
class EditorApiController {

    private final EditorListing listing;
    private final ReadingTime readingTime;

    EditorApiController(EditorListing listing,
            @Value("${sarkhat.articles.reading-words-per-minute:" + ReadingTime.DEFAULT_WORDS_PER_MINUTE + "}") int wordsPerMinute) {
        this.listing = listing;
        this.readingTime = new ReadingTime(wordsPerMinute);
    }

    @GetMapping("/articles")
    EditorListResponse articles(@RequestParam(defaultValue = "ALL") String status,
            @RequestParam(required = false) String author, @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit,
            Authentication editor) {
        if (limit < 1 || limit > EditorListing.MAX_LIMIT) {
            throw ApiProblem.badRequest("limit: must be between 1 and " + EditorListing.MAX_LIMIT + ".");
        }
        EditorListing.Page page = listing.list(status(status), mine ? editor.getName() : author, cursor, limit);
        return new EditorListResponse(page.items().stream().map(EditorListItem::of).toList(), page.nextCursor());
    }

    @PostMapping("/preview")
    PreviewResponse preview(@RequestBody PreviewRequest request) {
        String body = request.body() == null ? "" : request.body();
        // The limit the save enforces, so the preview cannot be used to render unbounded text.
        if (body.getBytes(StandardCharsets.UTF_8).length > ArticleEditing.MAX_BODY_BYTES) {
            throw ApiProblem.badRequest("body: the article text is larger than 1 MB.");
        }
        MarkdownBody.Rendered rendered = "HTML".equalsIgnoreCase(request.format()) ? HtmlBody.render(body)
                : MarkdownBody.render(body);
        return new PreviewResponse(rendered.html(), readingTime.minutes(rendered.plainText(), rendered.images()));
    }

    private static ArticleStatus status(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (name.equals("ALL")) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("status: one of DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED or ALL.");
        }
    }
}
