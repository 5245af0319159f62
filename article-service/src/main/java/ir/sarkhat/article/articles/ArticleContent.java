package ir.sarkhat.article.articles;

import java.util.List;

/**
 * What an editor writes, as one value: used for new articles, edits and revisions. {@code slug} null
 * means "derive it from the title" (until first publication) or "keep it"; {@code excerpt} null
 * means "the first ~55 words of the body"; {@code author} null means "keep it" (or the editor on create).
 */
public record ArticleContent(String title, String slug, String body, String excerpt, List<String> tags,
        List<String> categories, String author, String source, boolean sticky, FeaturedImage featuredImage) {

    public ArticleContent {
        tags = tags == null ? List.of() : List.copyOf(tags);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
