package ir.sarkhat.analytics.article;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The article replica. Writes are upserts that set fields, so a redelivered event changes nothing. */
@Component
public class ArticleCatalog {

    private final MongoTemplate mongo;

    ArticleCatalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void published(PublishedArticle article) {
        mongo.upsert(Query.query(where("_id").is(article.id())),
                new Update().set("title", article.title()).set("slug", article.slug())
                        .set("publishedAt", article.publishedAt()),
                PublishedArticle.class);
    }

    public boolean isKnown(String articleId) {
        return mongo.exists(Query.query(where("_id").is(articleId)), PublishedArticle.class);
    }
}
