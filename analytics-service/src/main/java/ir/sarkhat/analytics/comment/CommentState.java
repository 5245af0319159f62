package ir.sarkhat.analytics.comment;

import java.time.Instant;

import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * A comment's latest state and the position of the event that set it ({@code eventAt}, {@code eventId},
 * {@code partition}, {@code offset}): an event older than that is ignored. The id stays a string even
 * when it looks like an ObjectId (comment-service's ids do), so queries and inserts agree.
 */
@Document(CommentState.COLLECTION)
record CommentState(@MongoId(FieldType.STRING) String id, String articleId, CommentStatus status, Instant eventAt, String eventId,
        Integer partition, Long offset) {

    static final String COLLECTION = "comment_states";
}
