package ir.sarkhat.article.articles;

/** Who saves: the token's subject, and whether it carries ADMIN (only admins may change an article's author). */
public record Editor(String username, boolean admin) {
}
