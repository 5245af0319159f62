package ir.sarkhat.analytics.realtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ir.sarkhat.analytics.article.PublishedArticle;
import ir.sarkhat.analytics.pageview.PageView;

/**
 * Counts current readers from the raw page views of the last 5 minutes (indexed by time): exact distinct visitor
 * keys, site-wide and per article, most read first.
 */
@Component
public class RealtimeReaders {

    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int MAX_ARTICLES = 100;

    private final MongoTemplate mongo;
    private final Clock clock;

    RealtimeReaders(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Readers now() {
        Instant now = clock.instant();
        Document recent = new Document("$match", new Document("viewedAt",
                new Document("$gte", Date.from(now.minus(WINDOW))).append("$lte", Date.from(now))));
        Document site = mongo.getCollection(PageView.COLLECTION).aggregate(List.of(recent,
                new Document("$group", new Document("_id", "$visitorKey")),
                new Document("$group", new Document("_id", null).append("n", new Document("$sum", 1))))).first();
        List<Readers.ArticleReaders> articles = new ArrayList<>();
        for (Document row : mongo.getCollection(PageView.COLLECTION).aggregate(List.of(recent,
                new Document("$group", new Document("_id", new Document("a", "$articleId").append("k", "$visitorKey"))),
                new Document("$group", new Document("_id", "$_id.a").append("n", new Document("$sum", 1))),
                new Document("$sort", new Document("n", -1).append("_id", 1)),
                new Document("$limit", MAX_ARTICLES),
                new Document("$lookup", new Document("from", PublishedArticle.COLLECTION)
                        .append("localField", "_id").append("foreignField", "_id").append("as", "article"))))) {
            List<Document> found = row.getList("article", Document.class);
            String title = found == null || found.isEmpty() ? null : found.get(0).getString("title");
            articles.add(new Readers.ArticleReaders(row.getString("_id"), title, ((Number) row.get("n")).longValue()));
        }
        return new Readers(now, site == null ? 0 : ((Number) site.get("n")).longValue(), articles);
    }
}
