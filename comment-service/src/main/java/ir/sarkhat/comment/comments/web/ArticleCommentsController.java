package ir.sarkhat.comment.comments.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.comment.comments.AvatarHashes;
import ir.sarkhat.comment.comments.Comment;
import ir.sarkhat.comment.comments.CommentBodyHtml;
import ir.sarkhat.comment.comments.CommentSubmission;
import ir.sarkhat.comment.comments.PublicThread;
import ir.sarkhat.comment.comments.TooManyComments;
import ir.sarkhat.kit.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;

/** The public side: readers post comments and read the approved ones. No account needed. */
@RestController
@RequestMapping("/api/articles/{articleId}/comments")
class ArticleCommentsController {

    private final CommentSubmission submission;
    private final PublicThread thread;
    private final CommentBodyHtml bodyHtml;
    private final AvatarHashes avatars;
    private final ClientIps clientIps;

    ArticleCommentsController(CommentSubmission submission, PublicThread thread, CommentBodyHtml bodyHtml,
            AvatarHashes avatars, ClientIps clientIps) {
        this.submission = submission;
        this.thread = thread;
        this.bodyHtml = bodyHtml;
        this.avatars = avatars;
        this.clientIps = clientIps;
    }

    /** 202: accepted; public at once (APPROVED) or after moderation (PENDING). */
    @PostMapping
    ResponseEntity<SubmittedCommentResponse> submit(@PathVariable String articleId,
            @Validated @RequestBody NewCommentRequest request, HttpServletRequest http) {
        Comment comment = submission.submit(articleId, request.toDraft(clientIps.of(http)));
        return ResponseEntity.accepted().body(SubmittedCommentResponse.of(comment.id(), comment.status()));
    }

    @GetMapping
    PublicCommentResponse.Thread list(@PathVariable String articleId,
            @RequestParam(required = false) String order, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        boolean newestFirst = newestFirst(order);
        var page = thread.page(articleId, newestFirst, cursor == null || cursor.isBlank() ? null : cursor,
                limit == null ? PublicThread.PAGE_SIZE : limit);
        return new PublicCommentResponse.Thread(page.items().stream().map(this::toPublic).toList(), page.count(),
                page.nextCursor());
    }

    @GetMapping("/count")
    PublicCommentResponse.Count count(@PathVariable String articleId) {
        return new PublicCommentResponse.Count(articleId, thread.countOf(articleId));
    }

    /** 429 with the seconds to wait, as RFC 9110 asks. */
    @ExceptionHandler(TooManyComments.class)
    ResponseEntity<ProblemDetail> flooded(TooManyComments e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        body.setTitle(e.title());
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(body);
    }

    private static boolean newestFirst(String order) {
        if (order == null || order.isBlank() || "oldest".equalsIgnoreCase(order.strip())) {
            return false;
        }
        if ("newest".equalsIgnoreCase(order.strip())) {
            return true;
        }
        throw ApiProblem.badRequest("order: must be oldest or newest.");
    }

    private PublicCommentResponse toPublic(PublicThread.Node node) {
        Comment c = node.comment();
        return new PublicCommentResponse(c.id(), c.parentId(), c.depth(), c.authorName(), c.authorUrl(),
                avatars.of(c.staff() ? "staff:" + c.authorName() : c.authorEmail()), bodyHtml.render(c.body()),
                c.createdAt(), c.staff(), node.replies().stream().map(this::toPublic).toList());
    }
}
