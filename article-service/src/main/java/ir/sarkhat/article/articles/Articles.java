package ir.sarkhat.article.articles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import ir.sarkhat.kit.events.OutboxEvent;

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

    /**
     * Inserts a new article or saves a changed one; a concurrent change fails with an optimistic-locking error.
     * <p>
     * A changed article is written field by field and its new events are pushed onto the stored outbox,
     * never replacing it: the relay may have sent and removed some of the events this object was read with,
     * and writing the whole array back would send them a second time.
     */
    Article save(Article article) {
        if (article.id() == null || article.version() == 0 && !mongo.exists(byIdQuery(article.id()), Article.class)) {
            return mongo.insert(article);
        }
        Document fields = new Document();
        mongo.getConverter().write(article, fields);
        Update update = new Update();
        for (String field : persistedFields()) {
            if (field.equals("_id") || field.equals("outbox") || field.equals("version")) {
                continue;
            }
            if (fields.containsKey(field)) {
                update.set(field, fields.get(field));
            } else {
                update.unset(field);
            }
        }
        update.inc("version", 1);
        List<OutboxEvent> events = article.newEvents();
        if (!events.isEmpty()) {
            update.push("outbox").each(events.toArray());
        }
        Query sameVersion = byIdQuery(article.id()).addCriteria(Criteria.where("version").is(article.version()));
        Article saved = mongo.findAndModify(sameVersion, update, FindAndModifyOptions.options().returnNew(true),
                Article.class);
        if (saved == null) {
            throw new OptimisticLockingFailureException("Article " + article.id() + " changed since it was read");
        }
        return saved;
    }

    private static Query byIdQuery(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private List<String> persistedFields() {
        List<String> names = new ArrayList<>();
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(Article.class)
                .doWithProperties((PropertyHandler<MongoPersistentProperty>) p -> names.add(p.getFieldName()));
        return names;
    }

    /** Published articles matching the filter, newest first, strictly after {@code after} (keyset paging). */
    List<Article> published(ListingCriteria filter, ListingPosition after, int limit) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("status").is(ArticleStatus.PUBLISHED));
        if (filter.tag() != null) {
            all.add(Criteria.where("tags").is(filter.tag()));
        }
        if (filter.categories() != null) {
            all.add(Criteria.where("categories").in(filter.categories()));
        }
        if (filter.author() != null) {
            all.add(Criteria.where("author").is(filter.author()));
        }
        if (filter.sticky() != null) {
            all.add(filter.sticky() ? Criteria.where("sticky").is(true) : Criteria.where("sticky").ne(true));
        }
        if (after != null) {
            all.add(new Criteria().orOperator(
                    Criteria.where("publishedAt").lt(after.publishedAt()),
                    Criteria.where("publishedAt").is(after.publishedAt()).and("_id").lt(after.id())));
        }
        Query query = Query.query(new Criteria().andOperator(all))
                .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")))
                .limit(limit);
        return mongo.find(query, Article.class);
    }

    /** The newest published articles sharing a tag or a category with the given ones; link fields only. */
    List<Article> sharingTagsOrCategories(String exceptId, Collection<String> tags, Collection<String> categories,
            int limit) {
        List<Criteria> shared = new ArrayList<>();
        if (!tags.isEmpty()) {
            shared.add(Criteria.where("tags").in(tags));
        }
        if (!categories.isEmpty()) {
            shared.add(Criteria.where("categories").in(categories));
        }
        if (shared.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(new Criteria().andOperator(
                        Criteria.where("status").is(ArticleStatus.PUBLISHED),
                        Criteria.where("_id").ne(exceptId),
                        new Criteria().orOperator(shared)))
                .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")))
                .limit(limit);
        query.fields().include("title", "slug", "publishedAt", "tags", "categories");
        return mongo.find(query, Article.class);
    }

    /** The published article just before ({@code newer} false) or just after this position by publishedAt. */
    Optional<Article> adjacent(ListingPosition position, boolean newer) {
        Criteria beyond = newer
                ? new Criteria().orOperator(Criteria.where("publishedAt").gt(position.publishedAt()),
                        Criteria.where("publishedAt").is(position.publishedAt()).and("_id").gt(position.id()))
                : new Criteria().orOperator(Criteria.where("publishedAt").lt(position.publishedAt()),
                        Criteria.where("publishedAt").is(position.publishedAt()).and("_id").lt(position.id()));
        Sort.Direction direction = newer ? Sort.Direction.ASC : Sort.Direction.DESC;
        Query query = Query.query(new Criteria().andOperator(Criteria.where("status").is(ArticleStatus.PUBLISHED), beyond))
                .with(Sort.by(direction, "publishedAt", "_id"))
                .limit(1);
        query.fields().include("title", "slug", "publishedAt");
        return Optional.ofNullable(mongo.findOne(query, Article.class));
    }

    /** Scheduled articles whose time has come, oldest first. */
    List<Article> due(Instant now, int limit) {
        Query query = Query.query(Criteria.where("status").is(ArticleStatus.SCHEDULED).and("publishAt").lte(now))
                .with(Sort.by(Sort.Order.asc("publishAt"))).limit(limit);
        return mongo.find(query, Article.class);
    }

    /**
     * Publishes {@code published} (the due article, already changed in memory, with its event in the
     * outbox) in one findAndModify that matches only while the stored one is still due, scheduled and
     * at the version it was read at. Of several instances racing, exactly one matches.
     *
     * @return whether this call won the claim
     */
    boolean claimDue(Article published, long readVersion, Instant now) {
        Query stillDue = Query.query(Criteria.where("_id").is(published.id())
                .and("status").is(ArticleStatus.SCHEDULED)
                .and("publishAt").lte(now)
                .and("version").is(readVersion));
        Update update = new Update()
                .set("status", ArticleStatus.PUBLISHED)
                .set("publishedAt", published.publishedAt())
                .set("updatedAt", published.updatedAt())
                .unset("publishAt")
                .inc("version", 1)
                // push, not set: the relay may have pulled sent events meanwhile (it does not bump the version).
                .push("outbox", published.outbox().get(published.outbox().size() - 1));
        return mongo.findAndModify(stillDue, update, FindAndModifyOptions.options().returnNew(true), Article.class) != null;
    }

    /** A position in the published listing: the last article a page showed. */
    record ListingPosition(Instant publishedAt, String id) {

        static ListingPosition of(Article article) {
            return new ListingPosition(article.publishedAt(), article.id());
        }
    }

    /** {@link ArticleFilter} resolved for the query: the category expanded to its subtree. */
    record ListingCriteria(String tag, Collection<String> categories, String author, Boolean sticky) {
    }
}
