package ir.sarkhat.article.articles.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleEditing;
import ir.sarkhat.article.articles.ArticleReading;
import ir.sarkhat.article.articles.ArticleWorkflow;
import ir.sarkhat.article.articles.Editor;
import ir.sarkhat.kit.security.StaffRole;
import jakarta.validation.Valid;

/**
 * Editors' commands and reads (role EDITOR, see AccessRules). Every answer that carries an article
 * has its strong ETag; content saves require If-Match, state changes check it when given.
 */
@RestController
@RequestMapping("/api/articles")
class EditorArticleController {

    private final ArticleEditing editing;
    private final ArticleWorkflow workflow;
    private final ArticleReading reading;

    EditorArticleController(ArticleEditing editing, ArticleWorkflow workflow, ArticleReading reading) {
        this.editing = editing;
        this.workflow = workflow;
        this.reading = reading;
    }

    @PostMapping
    ResponseEntity<EditorArticleResponse> create(@Valid @RequestBody ArticleRequest request, Authentication editor) {
        Article created = editing.create(request.toContent(), editor(editor));
        return withETag(ResponseEntity.created(URI.create("/api/articles/id/" + created.id())), created);
    }

    @PutMapping("/{id}")
    ResponseEntity<EditorArticleResponse> update(@PathVariable String id, @Valid @RequestBody ArticleRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication editor) {
        Long expected = ETags.required(ifMatch);
        Article saved = expected == null
                ? editing.update(id, reading.byId(id).article().version(), request.toContent(), editor(editor))
                : editing.update(id, expected, request.toContent(), editor(editor));
        return withETag(ResponseEntity.ok(), saved);
    }

    @PostMapping("/{id}/publish")
    ResponseEntity<EditorArticleResponse> publish(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), workflow.publish(id, ETags.optional(ifMatch)));
    }

    @PostMapping("/{id}/schedule")
    ResponseEntity<EditorArticleResponse> schedule(@PathVariable String id, @RequestBody ScheduleRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), workflow.schedule(id, request.instant(), ETags.optional(ifMatch)));
    }

    @PostMapping("/{id}/unpublish")
    ResponseEntity<EditorArticleResponse> unpublish(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), workflow.unpublish(id, ETags.optional(ifMatch)));
    }

    @PostMapping("/{id}/draft")
    ResponseEntity<EditorArticleResponse> toDraft(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withETag(ResponseEntity.ok(), workflow.toDraft(id, ETags.optional(ifMatch)));
    }

    /** Staff read any article, drafts included, by id. */
    @GetMapping("/id/{id}")
    ResponseEntity<EditorArticleResponse> byId(@PathVariable String id) {
        return withETag(ResponseEntity.ok(), reading.byId(id).article());
    }

    @GetMapping("/{id}/revisions")
    List<RevisionSummaryResponse> revisions(@PathVariable String id) {
        return reading.revisions(id).stream().map(RevisionSummaryResponse::of).toList();
    }

    @GetMapping("/{id}/revisions/{number}")
    RevisionResponse revision(@PathVariable String id, @PathVariable long number) {
        return RevisionResponse.of(reading.revision(id, number));
    }

    @PostMapping("/{id}/revisions/{number}/restore")
    ResponseEntity<EditorArticleResponse> restore(@PathVariable String id, @PathVariable long number,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication editor) {
        Long expected = ETags.required(ifMatch);
        long version = expected == null ? reading.byId(id).article().version() : expected;
        return withETag(ResponseEntity.ok(), editing.restore(id, number, version, editor(editor)));
    }

    private ResponseEntity<EditorArticleResponse> withETag(ResponseEntity.BodyBuilder response, Article article) {
        return response.eTag(ETags.of(article.version())).body(EditorArticleResponse.of(reading.byId(article.id())));
    }

    private static Editor editor(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> StaffRole.ADMIN.authority().equals(a.getAuthority()));
        return new Editor(authentication.getName(), admin);
    }
}
