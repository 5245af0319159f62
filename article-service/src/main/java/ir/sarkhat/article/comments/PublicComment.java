package ir.sarkhat.article.comments;

import java.time.Instant;

import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * One comment as the article page shows it. A comment that left the public list stays as a
 * tombstone ({@code visible = false}, display fields removed) holding the position of the event that
 * removed it, so a redelivered older approval cannot bring it back. The id stays a string although
 * comment-service's ids look like ObjectIds, so queries and inserts agree.
 */
@Document(PublicComment.COLLECTION)
record PublicComment(@MongoId(FieldType.STRING) String id, String articleId, String parentId, Integer depth, String authorName,
        String authorUrl, String avatarHash, String bodyHtml, Instant createdAt, boolean visible, Instant eventAt,
        String eventId, Integer partition, Long offset) {

    static final String COLLECTION = "public_comments";
}
