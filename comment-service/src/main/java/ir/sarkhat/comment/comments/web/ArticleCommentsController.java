package ir.sarkhat.comment.comments.web;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.comment.comments.Comment;
import ir.sarkhat.comment.comments.CommentSubmission;
import ir.sarkhat.comment.comments.PublicThread;

/** The public side: readers post comments and read the approved ones. No account needed. */
@RestController
@RequestMapping("/api/articles/{articleId}/comments")
class ArticleCommentsController {

    private final CommentSubmission submission;
    private final PublicThread thread;
    private final CommentBodyHtml bodyHtml;
    private final AvatarHashes avatars;

    ArticleCommentsController(CommentSubmission submission, PublicThread thread, CommentBodyHtml bodyHtml,
            AvatarHashes avatars) {
        this.submission = submission;
        this.thread = thread;
        this.bodyHtml = bodyHtml;
        this.avatars = avatars;
    }

    /** 202: accepted for moderation, not yet public. */
    @PostMapping
    ResponseEntity<SubmittedCommentResponse> submit(@PathVariable String articleId,
            @Validated @RequestBody NewCommentRequest request) {
        Comment comment = submission.submit(articleId, request.toDraft());
        return ResponseEntity.accepted().body(new SubmittedCommentResponse(comment.id(), comment.status()));
    }

    @GetMapping
    PublicCommentResponse.Thread list(@PathVariable String articleId) {
        var items = thread.approvedComments(articleId).stream().map(this::toPublic).toList();
        return new PublicCommentResponse.Thread(items, items.size());
    }

    private PublicCommentResponse toPublic(Comment c) {
        return new PublicCommentResponse(c.id(), c.parentId(), c.authorName(), avatars.of(c.authorEmail()),
                bodyHtml.render(c.body()), c.createdAt());
    }
}
