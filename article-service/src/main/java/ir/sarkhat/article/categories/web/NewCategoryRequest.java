package ir.sarkhat.article.categories.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/categories}: {@code slug} and {@code parent} (a parent's slug) are optional. */
record NewCategoryRequest(@NotBlank @Size(max = 100) String name, @Size(max = 80) String slug,
        @Size(max = 80) String parent) {
}
