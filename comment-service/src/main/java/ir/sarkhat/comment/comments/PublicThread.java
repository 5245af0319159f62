package ir.sarkhat.comment.comments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import ir.sarkhat.comment.articles.PublishedArticles;

/** What readers see under an article: approved comments only, oldest first. */
@Service
public class PublicThread {

    /** A safety cap until issue #4 brings paging. */
    static final int LIMIT = 1000;

    private final MongoTemplate mongo;
    private final PublishedArticles articles;

    PublicThread(MongoTemplate mongo, PublishedArticles articles) {
        this.mongo = mongo;
        this.articles = articles;
    }

    public List<Comment> approvedComments(String articleId) {
        articles.require(articleId);
        return mongo.find(query(where("articleId").is(articleId).and("status").is(CommentStatus.APPROVED))
                .with(Sort.by(Sort.Direction.ASC, "createdAt"))
                .limit(LIMIT), Comment.class);
    }
}
