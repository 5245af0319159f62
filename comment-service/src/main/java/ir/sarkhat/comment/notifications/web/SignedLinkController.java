package ir.sarkhat.comment.notifications.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.comment.notifications.LinkOutcome;
import ir.sarkhat.comment.notifications.ModerationLinks;
import ir.sarkhat.kit.problem.ApiProblem;

/**
 * The signed links in mails: approve / spam (moderators) and unsubscribe (commenters). No account is
 * needed — the signature is the permission. GET shows a confirmation page and changes nothing; the
 * page's button POSTs to the same address, as does a mail client's RFC 8058 one-click unsubscribe.
 * Browsers get RTL Persian pages (errors too, with the right status); other clients get JSON and
 * problem+json.
 */
@RestController
@RequestMapping("/api/moderation/links/{token}")
class SignedLinkController {

    private final ModerationLinks links;

    SignedLinkController(ModerationLinks links) {
        this.links = links;
    }

    @GetMapping
    ResponseEntity<?> confirm(@PathVariable String token, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(accept, () -> links.preview(token), LinkPages::confirmation);
    }

    @PostMapping
    ResponseEntity<?> act(@PathVariable String token, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(accept, () -> links.perform(token), LinkPages::result);
    }

    private static ResponseEntity<?> answer(String accept, java.util.function.Supplier<LinkOutcome> use,
            Function<LinkOutcome, String> page) {
        boolean browser = wantsHtml(accept);
        LinkOutcome outcome;
        try {
            outcome = use.get();
        } catch (ApiProblem problem) {
            if (!browser) {
                throw problem; // problem+json from the service's exception handler
            }
            return html(ResponseEntity.status(problem.status()), LinkPages.error(problem));
        }
        if (browser) {
            return html(ResponseEntity.ok(), page.apply(outcome));
        }
        return ResponseEntity.ok(LinkOutcomeResponse.of(outcome));
    }

    private static ResponseEntity<String> html(ResponseEntity.BodyBuilder builder, String body) {
        return builder.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    static boolean wantsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        return types.stream().anyMatch(t -> t.isCompatibleWith(MediaType.TEXT_HTML) && !t.isWildcardType());
    }
}
