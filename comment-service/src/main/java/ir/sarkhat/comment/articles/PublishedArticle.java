package ir.sarkhat.comment.articles;

import java.time.Instant;

import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * What this service knows about a published article. Written only from article events, never by
 * asking article-service. The id is kept as the string the producer sent (not turned into an ObjectId).
 * {@code openStateAt} is when the article was last published, updated or unpublished: an event older
 * than that cannot open or close comments again (redeliveries, out-of-order replays).
 */
@Document(PublishedArticle.COLLECTION)
public record PublishedArticle(@MongoId(FieldType.STRING) String id, String slug, String title, Instant publishedAt,
        boolean commentsOpen, Instant openStateAt) {

    static final String COLLECTION = "published_articles";
}
