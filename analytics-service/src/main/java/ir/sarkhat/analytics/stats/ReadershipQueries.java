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

    /**
     * Counted from the page views in the window: group by (article, visitor), then by article, so
     * views and distinct visitors come out of one pass. Articles missing from the replica (not yet
     * or no longer published) are left out by the join, before the limit.
     */
    public MostViewed mostViewed(Period period, int limit) {
        Instant to = clock.instant();
        Instant from = to.minus(period.length());
        List<Document> pipeline = List.of(
                new Document("$match", new Document("viewedAt",
                        new Document("$gte", Date.from(from)).append("$lte", Date.from(to)))),
                new Document("$group", new Document("_id",
                        new Document("articleId", "$articleId").append("visitorKey", "$visitorKey"))
                        .append("views", new Document("$sum", 1))),
                new Document("$group", new Document("_id", "$_id.articleId")
                        .append("views", new Document("$sum", "$views"))
                        .append("uniqueVisitors", new Document("$sum", 1))),
                new Document("$lookup", new Document("from", PublishedArticle.COLLECTION)
                        .append("localField", "_id").append("foreignField", "_id").append("as", "article")),
                new Document("$unwind", "$article"),
                new Document("$sort", new Document("views", -1).append("uniqueVisitors", -1).append("_id", 1)),
                new Document("$limit", limit));
        List<MostViewed.Entry> entries = new ArrayList<>();
        for (Document row : mongo.getCollection(PageView.COLLECTION).aggregate(pipeline)) {
            Document article = row.get("article", Document.class);
            String slug = article.getString("slug");
            String title = article.getString("title");
            entries.add(new MostViewed.Entry(row.getString("_id"), title == null ? slug : title, slug,
                    ((Number) row.get("views")).longValue(), ((Number) row.get("uniqueVisitors")).longValue()));
        }
        return new MostViewed(period, from, to, entries);
    }
}
