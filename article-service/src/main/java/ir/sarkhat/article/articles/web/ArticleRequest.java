package ir.sarkhat.article.articles.web;

import java.util.List;

import ir.sarkhat.article.articles.ArticleContent;
import ir.sarkhat.article.articles.FeaturedImage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/articles} and {@code PUT /api/articles/{id}}: the whole editable content (a PUT
 * replaces it; omitted fields are cleared, except {@code slug} and {@code author}, which are kept).
 * The body's 1 MB limit is checked by the use case, which answers 413. Unknown fields are ignored.
 */
record ArticleRequest(
        @NotBlank @Size(max = 255) String title,
        @Size(max = 200) String slug,
        @NotBlank String body,
        @Size(max = 1000) String excerpt,
        @Size(max = 20) List<@NotNull @Size(max = 50) String> tags,
        @Size(max = 10) List<@NotNull @Size(max = 80) String> categories,
        @Size(max = 100) String author,
        @Size(max = 100) String source,
        Boolean sticky,
        @Valid FeaturedImageRequest featuredImage) {

    record FeaturedImageRequest(@Size(max = 2000) String url, @Size(max = 300) String alt) {
    }

    ArticleContent toContent() {
        return new ArticleContent(title, slug, body, excerpt, tags, categories, author, source,
                Boolean.TRUE.equals(sticky),
                featuredImage == null ? null : new FeaturedImage(featuredImage.url(), featuredImage.alt()));
    }
}
