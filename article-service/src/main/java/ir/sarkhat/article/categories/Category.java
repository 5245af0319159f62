package ir.sarkhat.article.categories;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One category; {@code _id} is its slug, so slugs are unique by construction. {@code parent} is the
 * parent's slug or null for a top-level category. It is set once, at creation, to a category that
 * already exists, so the parent links always form a tree.
 */
@Document(Category.COLLECTION)
public record Category(@Id String slug, String name, String parent) {

    static final String COLLECTION = "categories";
}
