package ir.sarkhat.comment.articles;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

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
     * Upsert that only sets fields, so a redelivered event changes nothing. {@code commentsOpen} is
     * set on first sight only: a later publication event must not reopen comments a moderator closed.
     */
    public void recordPublication(ArticlePublication publication) {
        Update update = new Update()
                .set("slug", publication.slug())
                .set("title", publication.title())
                .set("publishedAt", publication.publishedAt())
                .setOnInsert("commentsOpen", true);
        mongo.upsert(query(where("_id").is(publication.articleId())), update, PublishedArticle.class);
    }

    /** The article, or a 404 problem when it is unknown here. */
    public PublishedArticle require(String articleId) {
        PublishedArticle article = mongo.findById(articleId, PublishedArticle.class);
        if (article == null) {
            throw ApiProblem.notFound(NOT_COMMENTABLE);
        }
        return article;
    }

    /** The article if it takes new comments, or a 404 problem that does not say which of the two it is. */
    public PublishedArticle requireOpenForComments(String articleId) {
        PublishedArticle article = require(articleId);
        if (!article.commentsOpen()) {
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
