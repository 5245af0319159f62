package ir.sarkhat.article.pages;

/** A document of the {@code categories} collection: {@code _id} is the slug, {@code parent} the parent's slug or null. */
public record Category(String slug, String name, String parent) {
}
