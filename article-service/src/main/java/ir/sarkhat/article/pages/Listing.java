package ir.sarkhat.article.pages;

import java.util.Set;

/** Which published articles a listing page shows. */
record Listing(Kind kind, String value, Set<String> values) {

    enum Kind { HOME, TAG, CATEGORY, AUTHOR }

    static Listing home() {
        return new Listing(Kind.HOME, null, Set.of());
    }

    static Listing tag(String tag) {
        return new Listing(Kind.TAG, tag, Set.of());
    }

    static Listing author(String username) {
        return new Listing(Kind.AUTHOR, username, Set.of());
    }

    static Listing categories(Set<String> slugs) {
        return new Listing(Kind.CATEGORY, null, slugs);
    }
}
