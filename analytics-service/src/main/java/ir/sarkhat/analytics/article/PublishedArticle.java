package ir.sarkhat.analytics.article;

import java.time.Instant;

import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.mongodb.core.mapping.Document;

/** What analytics needs to know about an article to show it in a list. */
@Document(PublishedArticle.COLLECTION)
public record PublishedArticle(@MongoId(FieldType.STRING) String id, String title, String slug, Instant publishedAt) {

    public static final String COLLECTION = "articles";
}
