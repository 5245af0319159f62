package ir.sarkhat.article.articles;

import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Slugs articles used to have: {@code slug_history} {_id: old slug, articleId}, so old links redirect. */
@Repository
class SlugHistory {

    static final String COLLECTION = "slug_history";

    private final MongoTemplate mongo;

    SlugHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The old slug now leads to this article (the latest article to drop it wins). */
    void remember(String oldSlug, String articleId) {
        mongo.upsert(byId(oldSlug), new Update().set("articleId", articleId), COLLECTION);
    }

    /** A slug in use again is nobody's old slug any more. */
    void forget(String slug) {
        mongo.remove(byId(slug), COLLECTION);
    }

    Optional<String> articleIdFor(String oldSlug) {
        return Optional.ofNullable(mongo.findOne(byId(oldSlug), Document.class, COLLECTION))
                .map(d -> d.getString("articleId"));
    }

    boolean contains(String slug) {
        return mongo.exists(byId(slug), COLLECTION);
    }

    private static Query byId(String slug) {
        return Query.query(Criteria.where("_id").is(slug));
    }
}
