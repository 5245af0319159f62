package ir.sarkhat.article.categories.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ir.sarkhat.article.categories.Categories;
import ir.sarkhat.article.categories.Category;
import ir.sarkhat.article.categories.CategoryNode;
import ir.sarkhat.kit.problem.ApiProblem;
import jakarta.validation.Valid;

/** Categories: editors add them (see AccessRules), everyone reads the tree. */
@RestController
@RequestMapping("/api/categories")
class CategoryController {

    private final Categories categories;

    CategoryController(Categories categories) {
        this.categories = categories;
    }

    @PostMapping
    ResponseEntity<Category> create(@Valid @RequestBody NewCategoryRequest request) {
        Category created = categories.create(request.name(), request.slug(), request.parent());
        String path = "/api/categories/" + URLEncoder.encode(created.slug(), StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.created(URI.create(path)).body(created);
    }

    @GetMapping
    List<CategoryNode> tree() {
        return categories.tree();
    }

    @GetMapping("/{slug}")
    Category one(@PathVariable String slug) {
        return categories.bySlug(slug).orElseThrow(() -> ApiProblem.notFound("There is no category '" + slug + "'."));
    }
}
