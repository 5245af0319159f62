package ir.sarkhat.analytics.comment;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document(CommentState.COLLECTION)
record CommentState(@Id String id, String articleId, CommentStatus status) {

    static final String COLLECTION = "comment_states";
}
