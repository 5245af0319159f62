package ir.sarkhat.analytics.stats;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ir.sarkhat.analytics.article.ArticleCatalog;
import ir.sarkhat.analytics.article.PublishedArticle;
import ir.sarkhat.analytics.pageview.PageView;

/** What the public pages ask: one article's totals, and the most-viewed list. */
@Component
public class ReadershipQueries {

    private final MongoTemplate mongo;
    private final ArticleCatalog catalog;
    private final Clock clock;

    ReadershipQueries(MongoTemplate mongo, ArticleCatalog catalog, Clock clock) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Empty when the article was never published nor viewed; a published article nobody read has zeros. */
    public Optional<ArticleTotals> totals(String articleId) {
        ArticleStats stats = mongo.findById(articleId, ArticleStats.class);
        if (stats != null) {
            return Optional.of(stats.totals());
        }
        return catalog.isKnown(articleId) ? Optional.of(ArticleTotals.ZERO) : Optional.empty();
    }

    /** Approved comments now, per article (articles without stats are left out). */
    public java.util.Map<String, Long> comments(java.util.Collection<String> articleIds) {
        java.util.Map<String, Long> comments = new java.util.HashMap<>();
        for (ArticleStats stats : mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").in(articleIds)), ArticleStats.class)) {
            comments.put(stats.id(), stats.comments());
        }
        return comments;
    }
}
