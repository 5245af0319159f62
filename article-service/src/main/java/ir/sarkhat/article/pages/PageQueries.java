package ir.sarkhat.article.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import ir.sarkhat.article.text.PersianText;

/**
 * What the reader pages and feeds ask of the {@code articles}, {@code categories} and
 * {@code article_stats} collections, by the shared field names. Readers only ever see PUBLISHED
 * articles. Plain queries that run on mongo-java-server and on a real MongoDB alike.
 */
@Service
public class PageQueries {

    static final String ARTICLES = "articles";
    static final String CATEGORIES = "categories";
    static final String STATS = "article_stats";
    static final String SLUG_HISTORY = "slug_history";
    private static final String PUBLISHED = "PUBLISHED";
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id"));
    private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("publishedAt"), Sort.Order.asc("_id"));

    private final MongoTemplate mongo;

    PageQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The published article at this slug (Arabic ي/ك in the address are read as Persian ی/ک). */
    public Optional<PageArticle> bySlug(String slug) {
        Query query = Query.query(published().and("slug").is(PersianText.letters(slug)));
        return Optional.ofNullable(mongo.findOne(query, Document.class, ARTICLES)).map(PageQueries::article);
    }

    /** The slug an article has now, published or not; null when there is no such article. */
    public String slugOf(String articleId) {
        if (!ObjectId.isValid(articleId)) {
            return null;
        }
        Query query = Query.query(Criteria.where("_id").is(new ObjectId(articleId)));
        query.fields().include("slug");
        Document found = mongo.findOne(query, Document.class, ARTICLES);
        return found == null ? null : found.getString("slug");
    }

    /** Sticky articles, newest first. */
    List<PageArticle> sticky(int limit) {
        return find(Query.query(published().and("sticky").is(true)).with(NEWEST_FIRST).limit(limit));
    }

    /** The latest articles that match {@code filter}, newest first, after {@code cursor}; one extra tells there is more. */
    List<PageArticle> latest(Listing filter, PageCursor.Position after, int limit) {
        Criteria criteria = published();
        switch (filter.kind()) {
            case HOME -> criteria = criteria.and("sticky").ne(true);
            case TAG -> criteria = criteria.and("tags").is(filter.value());
            case AUTHOR -> criteria = criteria.and("author").is(filter.value());
            case CATEGORY -> criteria = criteria.and("categories").in(filter.values());
        }
        if (after != null) {
            criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(
                    Criteria.where("publishedAt").lt(Date.from(after.publishedAt())),
                    Criteria.where("publishedAt").is(Date.from(after.publishedAt()))
                            .and("_id").lt(objectId(after.id()))));
        }
        return find(Query.query(criteria).with(NEWEST_FIRST).limit(limit));
    }

    /** The most viewed published articles by the local view totals, most viewed first. */
    List<Viewed> mostViewed(int limit) {
        // Over-fetch: some of the most viewed may be unpublished since.
        Query top = new Query().with(Sort.by(Sort.Order.desc("views"))).limit(limit * 3);
        Map<String, Long> views = new HashMap<>();
        mongo.find(top, Document.class, STATS).forEach(d -> views.put(String.valueOf(d.get("_id")), number(d.get("views"))));
        List<ObjectId> ids = views.keySet().stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return find(Query.query(published().and("_id").in(ids))).stream()
                .filter(a -> views.get(a.id()) > 0)
                .map(a -> new Viewed(a, views.get(a.id())))
                .sorted(Comparator.comparingLong(Viewed::views).reversed().thenComparing(v -> v.article().publishedAt(),
                        Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    /** Articles sharing a tag or a category with this one, newest first. */
    List<PageArticle> related(PageArticle article, int limit) {
        List<Criteria> shared = new ArrayList<>();
        if (!article.tags().isEmpty()) {
            shared.add(Criteria.where("tags").in(article.tags()));
        }
        if (!article.categories().isEmpty()) {
            shared.add(Criteria.where("categories").in(article.categories()));
        }
        if (shared.isEmpty()) {
            return List.of();
        }
        Criteria criteria = new Criteria().andOperator(published().and("_id").ne(objectId(article.id())),
                new Criteria().orOperator(shared));
        return find(Query.query(criteria).with(NEWEST_FIRST).limit(limit));
    }

    /** The article published just before this one. */
    Optional<PageArticle> previous(PageArticle article) {
        Criteria criteria = new Criteria().andOperator(published(), new Criteria().orOperator(
                Criteria.where("publishedAt").lt(Date.from(article.publishedAt())),
                Criteria.where("publishedAt").is(Date.from(article.publishedAt())).and("_id").lt(objectId(article.id()))));
        return find(Query.query(criteria).with(NEWEST_FIRST).limit(1)).stream().findFirst();
    }

    /** The article published just after this one. */
    Optional<PageArticle> next(PageArticle article) {
        Criteria criteria = new Criteria().andOperator(published(), new Criteria().orOperator(
                Criteria.where("publishedAt").gt(Date.from(article.publishedAt())),
                Criteria.where("publishedAt").is(Date.from(article.publishedAt())).and("_id").gt(objectId(article.id()))));
        return find(Query.query(criteria).with(OLDEST_FIRST).limit(1)).stream().findFirst();
    }

    public boolean tagInUse(String tag) {
        return mongo.exists(Query.query(published().and("tags").is(tag)), ARTICLES);
    }

    /** The article an old slug pointed to before it was renamed, if any ({@code slug_history}). */
    Optional<String> renamedTo(String oldSlug) {
        Document history = mongo.findById(PersianText.letters(oldSlug), Document.class, SLUG_HISTORY);
        return Optional.ofNullable(history).map(h -> h.get("articleId")).map(String::valueOf)
                .flatMap(id -> bySlugOfId(id));
    }

    private Optional<String> bySlugOfId(String articleId) {
        if (!ObjectId.isValid(articleId)) {
            return Optional.empty();
        }
        Query query = Query.query(published().and("_id").is(new ObjectId(articleId)));
        query.fields().include("slug");
        return Optional.ofNullable(mongo.findOne(query, Document.class, ARTICLES)).map(d -> d.getString("slug"));
    }

    boolean hasPublished(String author) {
        return mongo.exists(Query.query(published().and("author").is(author)), ARTICLES);
    }

    /** Every category, by slug. A handful of documents: read whole, the tree is walked in memory. */
    public Map<String, Category> categories() {
        Map<String, Category> all = new HashMap<>();
        mongo.findAll(Document.class, CATEGORIES).forEach(d -> {
            String slug = String.valueOf(d.get("_id"));
            all.put(slug, new Category(slug, d.getString("name") == null ? slug : d.getString("name"),
                    d.getString("parent")));
        });
        return all;
    }

    /** The category and all its descendants' slugs. */
    public static Set<String> withDescendants(String slug, Map<String, Category> all) {
        Set<String> found = new LinkedHashSet<>();
        found.add(slug);
        boolean grew = true;
        while (grew) { // a cycle in bad data cannot loop forever: the set only grows
            grew = false;
            for (Category c : all.values()) {
                if (c.parent() != null && found.contains(c.parent()) && found.add(c.slug())) {
                    grew = true;
                }
            }
        }
        return found;
    }

    /** The latest published articles, for feeds (optionally of a tag or a set of categories). */
    public List<PageArticle> latestForFeed(String tag, Collection<String> categories, int limit) {
        Criteria criteria = published();
        if (tag != null) {
            criteria = criteria.and("tags").is(tag);
        }
        if (categories != null) {
            criteria = criteria.and("categories").in(categories);
        }
        return find(Query.query(criteria).with(NEWEST_FIRST).limit(limit));
    }

    /** Published articles since {@code since}, newest first (Google News sitemap). */
    public List<PageArticle> publishedSince(Instant since) {
        return find(Query.query(published().and("publishedAt").gte(Date.from(since))).with(NEWEST_FIRST).limit(1000));
    }

    /** Every published article without its body (sitemap). */
    public List<PageArticle> allPublished() {
        Query query = Query.query(published()).with(NEWEST_FIRST).limit(50_000);
        query.fields().exclude("body").exclude("bodyHtml").exclude("outbox");
        return find(query);
    }

    private List<PageArticle> find(Query query) {
        return mongo.find(query, Document.class, ARTICLES).stream().map(PageQueries::article).toList();
    }

    private static Criteria published() {
        return Criteria.where("status").is(PUBLISHED);
    }

    private static Object objectId(String id) {
        return ObjectId.isValid(id) ? new ObjectId(id) : id;
    }

    static PageArticle article(Document d) {
        Object image = d.get("featuredImage");
        PageArticle.FeaturedImage featured = null;
        if (image instanceof Document img && img.getString("url") != null && !img.getString("url").isBlank()) {
            featured = new PageArticle.FeaturedImage(img.getString("url"), img.getString("alt") == null ? "" : img.getString("alt"));
        }
        Instant publishedAt = instant(d.get("publishedAt"));
        return new PageArticle(String.valueOf(d.get("_id")), d.getString("slug"), d.getString("title"),
                d.getString("excerpt") == null ? "" : d.getString("excerpt"), d.getString("bodyHtml"),
                strings(d.get("tags")), strings(d.get("categories")), d.getString("author"), d.getString("source"),
                Boolean.TRUE.equals(d.get("sticky")), featured, publishedAt,
                instant(d.get("updatedAt")), (int) number(d.get("readingTimeMinutes")));
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** An article with its view total. */
    record Viewed(PageArticle article, long views) {
    }
}
