package ir.sarkhat.article.articles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Where articles are kept: the {@code articles} collection. */
@Repository
class Articles {

    private final MongoTemplate mongo;

    Articles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Article> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Article.class));
    }

    Optional<Article> bySlug(String slug) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("slug").is(slug)), Article.class));
    }

    boolean slugTaken(String slug) {
        return mongo.exists(Query.query(Criteria.where("slug").is(slug)), Article.class);
    }

    /** Inserts a new article or saves a changed one; a concurrent change fails with an optimistic-locking error. */
    Article save(Article article) {
        return mongo.save(article);
    }

    /** Published articles, newest first, strictly after {@code after} in that order (keyset paging). */
    List<Article> published(ListingPosition after, int limit) {
        Criteria criteria = Criteria.where("status").is(ArticleStatus.PUBLISHED);
        if (after != null) {
            criteria = criteria.orOperator(
                    Criteria.where("publishedAt").lt(after.publishedAt()),
                    Criteria.where("publishedAt").is(after.publishedAt()).and("_id").lt(after.id()));
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")))
                .limit(limit);
        return mongo.find(query, Article.class);
    }

    /** A position in the published listing: the last article a page showed. */
    record ListingPosition(Instant publishedAt, String id) {
    }
}
