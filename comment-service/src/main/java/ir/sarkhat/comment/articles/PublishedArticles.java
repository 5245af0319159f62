package ir.sarkhat.comment.articles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import ir.sarkhat.kit.problem.ApiProblem;

/** The replica of published articles: kept up to date from events, asked before accepting a comment. */
@Service
public class PublishedArticles {

    static final String NOT_COMMENTABLE = "This article does not exist or does not take comments.";

    private final MongoTemplate mongo;

    PublishedArticles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * ArticlePublished or ArticleUpdated: upserts that only set fields, so a redelivered event changes
     * nothing. Comments open on first sight, and reopen only when this event is newer than the last
     * unpublication ({@code happenedAt} compared with {@code openStateAt}).
     */
    public void recordPublication(ArticlePublication publication, Instant happenedAt) {
        Update update = new Update()
                .set("slug", publication.slug())
                .set("title", publication.title())
                .set("publishedAt", publication.publishedAt())
                .setOnInsert("commentsOpen", true)
                .setOnInsert("openStateAt", happenedAt);
        mongo.upsert(query(where("_id").is(publication.articleId())), update, PublishedArticle.class);
        mongo.updateFirst(query(where("_id").is(publication.articleId()).and("openStateAt").lt(happenedAt)),
                new Update().set("commentsOpen", true).set("openStateAt", happenedAt), PublishedArticle.class);
    }

    /** ArticleUnpublished: closes comments unless a newer publication already reopened them; unknown articles stay unknown. */
    public void recordUnpublication(String articleId, Instant happenedAt) {
        mongo.updateFirst(query(where("_id").is(articleId).orOperator(where("openStateAt").lt(happenedAt),
                where("openStateAt").exists(false))),
                new Update().set("commentsOpen", false).set("openStateAt", happenedAt), PublishedArticle.class);
    }

    /** The article, or a 404 problem when it is unknown here. */
    public PublishedArticle require(String articleId) {
        PublishedArticle article = mongo.findById(articleId, PublishedArticle.class);
        if (article == null) {
            throw ApiProblem.notFound(NOT_COMMENTABLE);
        }
        return article;
    }

    /** Titles by article id, for the moderation queue; unknown ids are left out. */
    public Map<String, String> titlesOf(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(articleIds)), PublishedArticle.class).stream()
                .filter(article -> article.title() != null)
                .collect(Collectors.toMap(PublishedArticle::id, PublishedArticle::title, (a, b) -> a));
    }
}
