package ir.sarkhat.comment.comments.web;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.comment.comments.CommentBodyHtml;
import ir.sarkhat.comment.comments.CommentModeration;
import ir.sarkhat.comment.comments.CommentModeration.QueueFilter;
import ir.sarkhat.comment.comments.CommentStatus;
import ir.sarkhat.comment.comments.CommentSubmission;
import ir.sarkhat.comment.comments.ModeratedComment;
import ir.sarkhat.comment.comments.ModerationAction;
import ir.sarkhat.kit.problem.ApiProblem;

/** The moderation console's API. Access (MODERATOR, or ADMIN) is enforced in {@code AccessRules}. */
@RestController
@RequestMapping("/api/moderation/comments")
class ModerationController {

    static final int DEFAULT_LIMIT = 50;

    private final CommentModeration moderation;
    private final CommentSubmission submission;
    private final CommentBodyHtml bodyHtml;

    ModerationController(CommentModeration moderation, CommentSubmission submission, CommentBodyHtml bodyHtml) {
        this.moderation = moderation;
        this.submission = submission;
        this.bodyHtml = bodyHtml;
    }

    /** Newest first, cursor-paged; {@code status} defaults to PENDING ({@code ALL} for any). */
    @GetMapping
    ModerationCommentResponse.Queue queue(@RequestParam(required = false) String status,
            @RequestParam(required = false) String articleId, @RequestParam(required = false) String q,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        QueueFilter filter = new QueueFilter(parseStatus(status), blankToNull(articleId), blankToNull(q),
                parseTime("from", from, false), parseTime("to", to, true));
        var page = moderation.queue(filter, blankToNull(cursor), limit == null ? DEFAULT_LIMIT : limit);
        return new ModerationCommentResponse.Queue(page.items().stream().map(this::view).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    ModerationCommentResponse one(@PathVariable String id) {
        return view(moderation.get(id));
    }

    /**
     * approve, unapprove, spam, trash or restore. 200 with the comment, also when it already was in
     * that state (nothing is emitted or audited then); 409 for a move the state machine forbids.
     */
    @PostMapping("/{id}/{action}")
    ModerationCommentResponse act(@PathVariable String id, @PathVariable String action,
            @Validated @RequestBody(required = false) ModerationRequests.Reason body, Principal moderator) {
        return view(moderation.act(id, ModerationAction.parse(action), moderator.getName(),
                body == null ? null : body.reason()));
    }

    /** Corrects the text; audited, and re-published if the comment is public. */
    @PutMapping("/{id}")
    ModerationCommentResponse edit(@PathVariable String id, @Validated @RequestBody ModerationRequests.Text body,
            Principal moderator) {
        return view(moderation.edit(id, body.body(), moderator.getName(), body.reason()));
    }

    /** A staff reply, public at once. 201 with the reply. */
    @PostMapping("/{id}/reply")
    ResponseEntity<ModerationCommentResponse> reply(@PathVariable String id,
            @Validated @RequestBody ModerationRequests.Text body, Principal moderator) {
        var reply = submission.staffReply(id, body.body(), moderator.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(moderation.get(reply.id())));
    }

    /** Each id on its own: one failing does not stop the others. */
    @PostMapping("/bulk")
    Map<String, List<Map<String, Object>>> bulk(@Validated @RequestBody ModerationRequests.Bulk body,
            Principal moderator) {
        ModerationAction action = ModerationAction.parse(body.action());
        List<Map<String, Object>> results = new ArrayList<>();
        for (String id : body.ids()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", id);
            try {
                result.put("status", moderation.act(id, action, moderator.getName(), body.reason()).comment().status());
            } catch (ApiProblem problem) {
                result.put("error", problem.getMessage());
                result.put("code", problem.status().value());
            }
            results.add(result);
        }
        return Map.of("results", results);
    }

    private ModerationCommentResponse view(ModeratedComment moderated) {
        return ModerationCommentResponse.of(moderated, bodyHtml.render(moderated.comment().body()));
    }

    static CommentStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return CommentStatus.PENDING;
        }
        if ("ALL".equalsIgnoreCase(status.strip())) {
            return null;
        }
        try {
            return CommentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("status must be one of " + Arrays.toString(CommentStatus.values())
                    + " or ALL.");
        }
    }

    /** An instant ({@code 2026-11-28T10:00:00Z}) or a UTC date; a date as {@code to} includes that whole day. */
    static Instant parseTime(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                LocalDate date = LocalDate.parse(value.strip());
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw ApiProblem.badRequest(name + ": must be a date (2026-11-28) or an instant (2026-11-28T10:00:00Z).");
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
