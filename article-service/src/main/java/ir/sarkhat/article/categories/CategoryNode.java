package ir.sarkhat.article.categories;

import java.util.List;

/** A category with its children, for the tree. */
public record CategoryNode(String slug, String name, String parent, List<CategoryNode> children) {
}
