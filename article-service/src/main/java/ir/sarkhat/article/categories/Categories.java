package ir.sarkhat.article.categories;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import ir.sarkhat.article.text.PersianText;
import ir.sarkhat.article.text.Slugs;
import ir.sarkhat.kit.problem.ApiProblem;

/** Creating categories and answering questions about the tree. Few documents: read whole where a tree is needed. */
@Service
public class Categories {

    private final MongoTemplate mongo;

    Categories(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Creates a category under an existing parent (or at the top). The slug is derived from the name
     * unless given; either way it is normalized like article slugs.
     */
    public Category create(String name, String slug, String parent) {
        String cleanName = PersianText.normalizeLine(name);
        if (cleanName == null || cleanName.isEmpty()) {
            throw ApiProblem.badRequest("name: must not be blank");
        }
        String cleanSlug = Slugs.of(slug == null || slug.isBlank() ? cleanName : slug);
        String parentSlug = parent == null || parent.isBlank() ? null : PersianText.letters(parent.strip());
        if (parentSlug != null && mongo.findById(parentSlug, Category.class) == null) {
            throw ApiProblem.badRequest("parent: there is no category '" + parentSlug + "'. Create it first.");
        }
        try {
            return mongo.insert(new Category(cleanSlug, cleanName, parentSlug));
        } catch (DuplicateKeyException taken) {
            throw ApiProblem.conflict("slug: the category '" + cleanSlug + "' already exists.");
        }
    }

    /** The whole tree: top-level categories with their children, each level by name. */
    public List<CategoryNode> tree() {
        List<Category> all = mongo.findAll(Category.class);
        Map<String, List<Category>> children = new HashMap<>();
        all.forEach(c -> children.computeIfAbsent(c.parent(), p -> new ArrayList<>()).add(c));
        return nodes(null, children);
    }

    private static List<CategoryNode> nodes(String parent, Map<String, List<Category>> children) {
        return children.getOrDefault(parent, List.of()).stream()
                .sorted(Comparator.comparing(Category::name))
                .map(c -> new CategoryNode(c.slug(), c.name(), c.parent(), nodes(c.slug(), children)))
                .toList();
    }

    /**
     * The given slugs, normalized and without duplicates, once all of them exist.
     *
     * @throws ApiProblem 400 naming the first unknown one
     */
    public List<String> requireExisting(List<String> slugs) {
        LinkedHashSet<String> wanted = new LinkedHashSet<>();
        slugs.stream().map(s -> PersianText.letters(s).strip()).filter(s -> !s.isEmpty()).forEach(wanted::add);
        if (wanted.isEmpty()) {
            return List.of();
        }
        Set<String> found = new java.util.HashSet<>();
        mongo.find(Query.query(Criteria.where("_id").in(wanted)), Category.class).forEach(c -> found.add(c.slug()));
        for (String slug : wanted) {
            if (!found.contains(slug)) {
                throw ApiProblem.badRequest("categories: there is no category '" + slug + "'.");
            }
        }
        return List.copyOf(wanted);
    }

    /** The category and everything below it; empty when there is no such category. */
    public Set<String> withDescendants(String slug) {
        String root = PersianText.letters(slug).strip();
        Map<String, List<String>> children = new HashMap<>();
        boolean exists = false;
        for (Category c : mongo.findAll(Category.class)) {
            children.computeIfAbsent(c.parent(), p -> new ArrayList<>()).add(c.slug());
            exists |= c.slug().equals(root);
        }
        Set<String> result = new LinkedHashSet<>();
        if (!exists) {
            return result;
        }
        Deque<String> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (result.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return result;
    }

    public java.util.Optional<Category> bySlug(String slug) {
        return java.util.Optional.ofNullable(mongo.findById(PersianText.letters(slug).strip(), Category.class));
    }
}
