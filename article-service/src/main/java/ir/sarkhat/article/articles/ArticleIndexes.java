package ir.sarkhat.article.articles;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/** Creates the indexes at startup, explicitly (automatic index creation is off in Spring Data). */
@Component
class ArticleIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    ArticleIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations articles = mongo.indexOps(Article.COLLECTION);
        // One article per URL; also what makes concurrent creation with the same title safe.
        articles.createIndex(new Index().on("slug", Direction.ASC).unique().named("slug_unique"));
        // The public listing: published, newest first, id as tie-breaker for the cursor.
        articles.createIndex(new Index().on("status", Direction.ASC).on("publishedAt", Direction.DESC)
                .on("_id", Direction.DESC).named("status_published_id"));
        // The scheduler's due query.
        articles.createIndex(new Index().on("status", Direction.ASC).on("publishAt", Direction.ASC)
                .named("status_publishAt"));
        // Listing filters and related articles (multikey).
        articles.createIndex(new Index().on("tags", Direction.ASC).named("tags"));
        articles.createIndex(new Index().on("categories", Direction.ASC).named("categories"));
        // A WordPress post is imported once: a second import of the same id fails here, atomically.
        articles.createIndex(new Index().on("wordpressId", Direction.ASC).unique().sparse().named("wordpress_id"));
        // An article's revisions, newest first.
        mongo.indexOps(Revision.COLLECTION).createIndex(new Index().on("articleId", Direction.ASC)
                .on("number", Direction.DESC).named("article_number"));
    }
}
