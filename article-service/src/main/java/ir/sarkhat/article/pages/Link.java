package ir.sarkhat.article.pages;

/** A link as a template shows it: the text, and an already encoded {@code href}. */
record Link(String text, String href) {
}
