package ir.sarkhat.article.articles;

/** The picture shown with an article in lists and link previews; {@code alt} describes it for screen readers. */
public record FeaturedImage(String url, String alt) {
}
