package ir.sarkhat.comment.comments;

import java.time.Duration;

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
        // An article's public page: approved top-level comments in time order.
        comments.createIndex(new Index().on("articleId", Direction.ASC).on("status", Direction.ASC)
                .on("parentId", Direction.ASC).on("createdAt", Direction.ASC).named("article_status_parent_created"));
        // The replies of one page's threads.
        comments.createIndex(new Index().on("rootId", Direction.ASC).on("status", Direction.ASC)
                .named("root_status"));
        // The moderation queue: one status, newest first.
        comments.createIndex(new Index().on("status", Direction.ASC).on("createdAt", Direction.ASC)
                .named("status_created"));
        // Duplicates are refused by this index, also when two arrive at the same moment.
        comments.createIndex(new Index().on("fingerprint", Direction.ASC).unique().sparse().named("fingerprint"));
        // First-time rule: has this name + email an approved comment?
        comments.createIndex(new Index().on("authorEmail", Direction.ASC).on("authorName", Direction.ASC)
                .named("author"));
        comments.createIndex(new Index().on("audit.moderator", Direction.ASC).named("audit_moderator"));
        mongo.indexOps(TrashPurge.TOMBSTONES).createIndex(new Index().on("expiresAt", Direction.ASC)
                .expire(Duration.ZERO).named("expires"));
    }
}
