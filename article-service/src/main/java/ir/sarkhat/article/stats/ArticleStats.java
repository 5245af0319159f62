package ir.sarkhat.article.stats;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Readership totals of one article as analytics-service last reported them. A document of its own,
 * so applying them never touches the article's {@code @Version} that editors' saves rely on.
 *
 * @param version the highest event version applied; older or equal ones are ignored
 */
@Document(ArticleStats.COLLECTION)
record ArticleStats(@Id String articleId, long views, long comments, long version) {

    static final String COLLECTION = "article_stats";
}
