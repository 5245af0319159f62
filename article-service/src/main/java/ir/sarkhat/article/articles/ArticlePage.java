package ir.sarkhat.article.articles;

import java.util.List;

/** One page of the published listing; {@code nextCursor} is null on the last page. */
public record ArticlePage(List<ArticleView> items, String nextCursor) {
}
