package ir.sarkhat.comment.comments;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/** Creates the indexes the queries need at startup (explicitly: automatic index creation is off). */
@Component
class CommentIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    CommentIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations comments = mongo.indexOps(Comment.COLLECTION);
        // An article's public thread: approved comments oldest first.
        comments.createIndex(new Index().on("articleId", Direction.ASC).on("status", Direction.ASC)
                .on("createdAt", Direction.ASC).named("article_status_created"));
        // The moderation queue: one status, newest first.
        comments.createIndex(new Index().on("status", Direction.ASC).on("createdAt", Direction.ASC)
                .named("status_created"));
    }
}
