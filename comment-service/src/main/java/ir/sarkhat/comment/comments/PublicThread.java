package ir.sarkhat.comment.comments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import ir.sarkhat.comment.articles.PublishedArticles;

/**
 * What readers see under an article: approved comments only, threaded. Pages are made of top-level
 * comments (newest or oldest first), each with all its approved replies (oldest first, as a
 * conversation reads). A reply whose parent is not public hangs under its nearest public ancestor.
 */
@Service
public class PublicThread {

    public static final int PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final MongoTemplate mongo;
    private final PublishedArticles articles;

    PublicThread(MongoTemplate mongo, PublishedArticles articles) {
        this.mongo = mongo;
        this.articles = articles;
    }

    /** A public comment and its public replies. */
    public record Node(Comment comment, List<Node> replies) {
    }

    public record Page(List<Node> items, long count, String nextCursor) {
    }

    public Page page(String articleId, boolean newestFirst, String cursor, int limit) {
        articles.require(articleId);
        int size = Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
        // parentId null rather than depth 0: comments stored before threading have no depth.
        Criteria roots = where("articleId").is(articleId).and("status").is(CommentStatus.APPROVED).and("parentId")
                .is(null);
        if (cursor != null) {
            CommentCursor after = CommentCursor.parse(cursor);
            ObjectId afterId = new ObjectId(after.id());
            roots = new Criteria().andOperator(roots, newestFirst
                    ? new Criteria().orOperator(where("createdAt").lt(after.createdAt()),
                            where("createdAt").is(after.createdAt()).and("_id").lt(afterId))
                    : new Criteria().orOperator(where("createdAt").gt(after.createdAt()),
                            where("createdAt").is(after.createdAt()).and("_id").gt(afterId)));
        }
        Sort.Direction direction = newestFirst ? Sort.Direction.DESC : Sort.Direction.ASC;
        Query rootQuery = new Query(roots).with(Sort.by(direction, "createdAt").and(Sort.by(direction, "_id")))
                .limit(size + 1);
        publicFields(rootQuery);
        List<Comment> top = new ArrayList<>(mongo.find(rootQuery, Comment.class));
        String next = null;
        if (top.size() > size) {
            top = top.subList(0, size);
            next = CommentCursor.of(top.get(size - 1)).encode();
        }
        return new Page(threads(articleId, top), count(articleId), next);
    }

    /** Approved comments of the article, replies included; 404 for an unknown article. */
    public long countOf(String articleId) {
        articles.require(articleId);
        return count(articleId);
    }

    private long count(String articleId) {
        return mongo.count(query(where("articleId").is(articleId).and("status").is(CommentStatus.APPROVED)),
                Comment.class);
    }

    private List<Node> threads(String articleId, List<Comment> top) {
        if (top.isEmpty()) {
            return List.of();
        }
        Map<String, Node> nodes = new HashMap<>();
        List<Node> roots = new ArrayList<>();
        for (Comment c : top) {
            Node node = new Node(c, new ArrayList<>());
            nodes.put(c.id(), node);
            roots.add(node);
        }
        Query replyQuery = query(where("articleId").is(articleId).and("status").is(CommentStatus.APPROVED)
                .and("rootId").in(nodes.keySet()).and("depth").gt(0))
                .with(Sort.by(Sort.Direction.ASC, "createdAt").and(Sort.by(Sort.Direction.ASC, "_id")));
        publicFields(replyQuery);
        // Oldest first: a parent is always placed before its replies.
        for (Comment reply : mongo.find(replyQuery, Comment.class)) {
            Node parent = nearestShownAncestor(reply, nodes);
            if (parent != null) {
                Node node = new Node(reply, new ArrayList<>());
                parent.replies().add(node);
                nodes.put(reply.id(), node);
            }
        }
        return roots;
    }

    private static Node nearestShownAncestor(Comment reply, Map<String, Node> nodes) {
        Node parent = reply.parentId() == null ? null : nodes.get(reply.parentId());
        List<String> ancestors = reply.ancestors() == null ? List.of() : reply.ancestors();
        for (int i = ancestors.size() - 1; parent == null && i >= 0; i--) {
            parent = nodes.get(ancestors.get(i));
        }
        return parent;
    }

    private static void publicFields(Query query) {
        query.fields().exclude("outbox").exclude("audit").exclude("ipPrefix");
    }
}
