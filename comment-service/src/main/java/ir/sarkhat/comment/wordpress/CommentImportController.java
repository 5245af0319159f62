package ir.sarkhat.comment.wordpress;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.comment.comments.CommentImports;
import jakarta.validation.Valid;

/**
 * ADMIN only. Called by article-service's WordPress import once the post exists there (with the
 * admin's own token); idempotent by WordPress comment id, so a resumed import may send a batch again.
 */
@RestController
class CommentImportController {

    private final CommentImports imports;

    CommentImportController(CommentImports imports) {
        this.imports = imports;
    }

    @PostMapping("/api/admin/import/comments")
    CommentImports.Result importComments(@Valid @RequestBody CommentImportRequest request, Authentication admin) {
        return imports.importAll(request.articleId().strip(), request.comments().stream()
                .map(c -> new CommentImports.ImportedComment(c.wordpressId(), c.parentWordpressId(), c.authorName(),
                        c.authorEmail(), c.authorUrl(), c.authorIp(), c.createdAt(), c.body(), c.status(), c.type()))
                .toList(), admin.getName());
    }
}
