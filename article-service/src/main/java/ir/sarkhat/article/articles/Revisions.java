package ir.sarkhat.article.articles;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The {@code revisions} collection: the last {@value #KEPT} content saves of each article. */
@Repository
class Revisions {

    static final int KEPT = 25;

    private final MongoTemplate mongo;

    Revisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the revision (a retried save writes the same document again) and drops those beyond the cap. */
    void keep(Revision revision) {
        mongo.save(revision);
        List<Revision> beyondCap = mongo.find(ofArticle(revision.articleId()).skip(KEPT), Revision.class);
        if (!beyondCap.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(beyondCap.stream().map(Revision::id).toList())),
                    Revision.class);
        }
    }

    /** Newest first. */
    List<Revision> of(String articleId) {
        return mongo.find(ofArticle(articleId), Revision.class);
    }

    Optional<Revision> of(String articleId, long number) {
        return Optional.ofNullable(mongo.findById(articleId + ":" + number, Revision.class));
    }

    private static Query ofArticle(String articleId) {
        return Query.query(Criteria.where("articleId").is(articleId)).with(Sort.by(Sort.Order.desc("number")));
    }
}
