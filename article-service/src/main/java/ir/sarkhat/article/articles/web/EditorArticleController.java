package ir.sarkhat.article.articles.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.article.articles.Article;
import ir.sarkhat.article.articles.ArticleEditing;
import ir.sarkhat.article.articles.ArticleReading;
import ir.sarkhat.article.articles.ArticleView;
import ir.sarkhat.article.stats.Readership;
import jakarta.validation.Valid;

/** Editors' commands (role EDITOR, see AccessRules). */
@RestController
@RequestMapping("/api/articles")
class EditorArticleController {

    private final ArticleEditing editing;
    private final ArticleReading reading;

    EditorArticleController(ArticleEditing editing, ArticleReading reading) {
        this.editing = editing;
        this.reading = reading;
    }

    @PostMapping
    ResponseEntity<EditorArticleResponse> create(@Valid @RequestBody NewArticleRequest request,
            Authentication editor) {
        Article created = editing.create(request.toDraft(), editor.getName());
        return ResponseEntity.created(URI.create("/api/articles/id/" + created.id()))
                .body(EditorArticleResponse.of(new ArticleView(created, Readership.NONE)));
    }

    @PostMapping("/{id}/publish")
    EditorArticleResponse publish(@PathVariable String id) {
        Article published = editing.publish(id);
        return EditorArticleResponse.of(reading.byId(published.id()));
    }

    /** Staff read any article, drafts included, by id. */
    @GetMapping("/id/{id}")
    EditorArticleResponse byId(@PathVariable String id) {
        return EditorArticleResponse.of(reading.byId(id));
    }
}
