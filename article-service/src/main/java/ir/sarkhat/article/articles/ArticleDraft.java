package ir.sarkhat.article.articles;

import java.util.List;

/** What an editor submits for a new article, already validated for size by the web layer. */
public record ArticleDraft(String title, String body, List<String> tags, String source) {
}
