package ir.sarkhat.analytics.article;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The article replica. Writes are upserts that set fields, so a redelivered event changes nothing. */
@Component
public class ArticleCatalog implements org.springframework.beans.factory.InitializingBean {

    private final MongoTemplate mongo;

    ArticleCatalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(PublishedArticle.class).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("slug", org.springframework.data.domain.Sort.Direction.ASC).named("slug"));
    }

    public void published(PublishedArticle article) {
        mongo.upsert(Query.query(where("_id").is(article.id())),
                new Update().set("title", article.title()).set("slug", article.slug())
                        .set("publishedAt", article.publishedAt()),
                PublishedArticle.class);
    }

    /** The id of the published article with this slug (as decoded from a page URL), if any. */
    public java.util.Optional<String> idOfSlug(String slug) {
        PublishedArticle article = mongo.findOne(Query.query(where("slug").is(slug)), PublishedArticle.class);
        return java.util.Optional.ofNullable(article).map(PublishedArticle::id);
    }

    public boolean isKnown(String articleId) {
        return mongo.exists(Query.query(where("_id").is(articleId)), PublishedArticle.class);
    }
}
