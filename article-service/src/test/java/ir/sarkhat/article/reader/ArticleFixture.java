package ir.sarkhat.article.reader;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.util.HtmlUtils;

/** An article document as the editorial side stores it (the shared field names), inserted directly. */
final class ArticleFixture {

    private final MongoTemplate mongo;
    private final Document doc = new Document();

    ArticleFixture(MongoTemplate mongo, String title) {
        this.mongo = mongo;
        Instant now = Instant.parse("2023-04-09T08:30:00Z");
        doc.append("_id", new ObjectId()).append("title", title)
                .append("slug", title.replaceAll("[^\\p{L}\\p{Nd}]+", "-"))
                .append("body", "متن " + title).append("bodyHtml", "<p>متن " + HtmlUtils.htmlEscape(title) + "</p>") // sanitized, as stored
                .append("excerpt", "خلاصه " + title).append("tags", new ArrayList<>())
                .append("categories", new ArrayList<>()).append("author", "editor-1").append("source", null)
                .append("sticky", false).append("featuredImage", null).append("status", "PUBLISHED")
                .append("publishAt", null).append("publishedAt", Date.from(now)).append("updatedAt", Date.from(now))
                .append("createdAt", Date.from(now)).append("readingTimeMinutes", 2).append("version", 1L)
                .append("outbox", new ArrayList<>());
    }

    ArticleFixture slug(String slug) {
        doc.put("slug", slug);
        return this;
    }

    ArticleFixture at(Instant publishedAt) {
        doc.put("publishedAt", Date.from(publishedAt));
        doc.put("updatedAt", Date.from(publishedAt));
        doc.put("createdAt", Date.from(publishedAt.minusSeconds(600)));
        return this;
    }

    ArticleFixture updated(Instant updatedAt) {
        doc.put("updatedAt", Date.from(updatedAt));
        return this;
    }

    ArticleFixture tags(String... tags) {
        doc.put("tags", List.of(tags));
        return this;
    }

    ArticleFixture categories(String... slugs) {
        doc.put("categories", List.of(slugs));
        return this;
    }

    ArticleFixture author(String author) {
        doc.put("author", author);
        return this;
    }

    ArticleFixture source(String source) {
        doc.put("source", source);
        return this;
    }

    ArticleFixture excerpt(String excerpt) {
        doc.put("excerpt", excerpt);
        return this;
    }

    ArticleFixture sticky() {
        doc.put("sticky", true);
        return this;
    }

    ArticleFixture image(String url, String alt) {
        doc.put("featuredImage", new Document("url", url).append("alt", alt));
        return this;
    }

    ArticleFixture status(String status) {
        doc.put("status", status);
        return this;
    }

    /** A document as the skeleton wrote it: none of the fields issue 3 adds. */
    ArticleFixture legacy() {
        for (String field : new String[] { "categories", "sticky", "featuredImage", "publishAt" }) {
            doc.remove(field);
        }
        return this;
    }

    /** Inserts it; returns its id. */
    Saved insert() {
        mongo.getCollection("articles").insertOne(doc);
        return new Saved(doc.getObjectId("_id").toHexString(), doc.getString("slug"), doc.getString("title"),
                doc.getDate("publishedAt").toInstant());
    }

    record Saved(String id, String slug, String title, Instant publishedAt) {
    }
}
