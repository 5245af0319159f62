package ir.sarkhat.article.articles.web;

import java.util.List;

import ir.sarkhat.article.articles.ArticleDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/articles}: a new draft. Unknown fields (an {@code id}, a {@code status}) are ignored. */
record NewArticleRequest(
        @NotBlank @Size(max = 255) String title,
        @NotBlank @Size(max = 200_000) String body,
        @Size(max = 20) List<@NotNull @Size(max = 50) String> tags,
        @Size(max = 100) String source) {

    ArticleDraft toDraft() {
        return new ArticleDraft(title, body, tags, source);
    }
}
