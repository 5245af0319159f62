package ir.sarkhat.article.articles;

import ir.sarkhat.article.stats.Readership;

/** An article with its readership totals, as the API and the pages show it. */
public record ArticleView(Article article, Readership readership) {
}
