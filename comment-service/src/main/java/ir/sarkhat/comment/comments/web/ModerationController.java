package ir.sarkhat.comment.comments.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.comment.comments.CommentModeration;
import ir.sarkhat.comment.comments.CommentStatus;
import ir.sarkhat.kit.problem.ApiProblem;

/** The moderation console's API. Access (MODERATOR, or ADMIN) is enforced in {@code AccessRules}. */
@RestController
@RequestMapping("/api/moderation/comments")
class ModerationController {

    private final CommentModeration moderation;

    ModerationController(CommentModeration moderation) {
        this.moderation = moderation;
    }

    /** Newest first, at most 100. */
    @GetMapping
    ModerationCommentResponse.Queue queue(@RequestParam(required = false) String status) {
        var items = moderation.queue(parseStatus(status)).stream().map(ModerationCommentResponse::of).toList();
        return new ModerationCommentResponse.Queue(items);
    }

    /** 200 with the approved comment, also when it was approved already (no second event then). */
    @PostMapping("/{id}/approve")
    ModerationCommentResponse approve(@PathVariable String id, Principal moderator) {
        return ModerationCommentResponse.of(moderation.approve(id, moderator.getName()));
    }

    static CommentStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return CommentStatus.PENDING;
        }
        try {
            return CommentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("status must be one of " + Arrays.toString(CommentStatus.values()) + ".");
        }
    }
}
