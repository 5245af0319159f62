package ir.sarkhat.comment.comments.web;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.comment.comments.CommentModeration;
import ir.sarkhat.comment.comments.CommentStatus;
import ir.sarkhat.kit.problem.ApiProblem;

/** The audit log: who decided what, when, from which state to which, and why. */
@RestController
@RequestMapping("/api/moderation/audit")
class ModerationAuditController {

    private final CommentModeration moderation;

    ModerationAuditController(CommentModeration moderation) {
        this.moderation = moderation;
    }

    record Entry(String commentId, String articleId, Instant at, String moderator, String action, CommentStatus from,
            CommentStatus to, String reason) {

        static Entry of(CommentModeration.AuditRecord r) {
            var e = r.entry();
            return new Entry(r.commentId(), r.articleId(), e.at(), e.moderator(), e.action(), e.from(), e.to(),
                    e.reason());
        }
    }

    record Log(List<Entry> items) {
    }

    /** {@code ?commentId=} oldest first, or {@code ?moderator=} newest first (at most {@code limit}, 100). */
    @GetMapping
    Log audit(@RequestParam(required = false) String commentId, @RequestParam(required = false) String moderator,
            @RequestParam(required = false) Integer limit) {
        if (commentId != null && !commentId.isBlank()) {
            return new Log(moderation.auditOfComment(commentId.strip()).stream().map(Entry::of).toList());
        }
        if (moderator != null && !moderator.isBlank()) {
            return new Log(moderation.auditOfModerator(moderator.strip(), limit == null ? 100 : limit).stream()
                    .map(Entry::of).toList());
        }
        throw ApiProblem.badRequest("commentId or moderator: give one to read the audit log.");
    }
}
