package ir.sarkhat.comment.notifications;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;

/**
 * Reads comments and articles as raw documents from this service's own collections. Deliberately not
 * through the comment feature's classes: notifications only need a few fields, and must keep working
 * while that feature's model grows (fields such as {@code notifyApproval}, {@code heldBy} are read
 * tolerantly: absent means "no").
 */
@Component
class CommentDocuments {

    static final String COMMENTS = "comments";
    static final String ARTICLES = "published_articles";

    private final MongoTemplate mongo;

    CommentDocuments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<CommentSnapshot> comment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Document doc = mongo.getCollection(COMMENTS).find(Filters.in("_id", idCandidates(id))).first();
        return Optional.ofNullable(doc).map(CommentDocuments::snapshot);
    }

    /** The article's slug and title from the replica, if it is known. */
    Optional<ArticleRef> article(String articleId) {
        if (articleId == null) {
            return Optional.empty();
        }
        Document doc = mongo.getCollection(ARTICLES).find(Filters.in("_id", idCandidates(articleId))).first();
        return Optional.ofNullable(doc).map(d -> new ArticleRef(articleId, d.getString("slug"), d.getString("title")));
    }

    /** Ids are ObjectIds when the service made them, strings when a producer sent them: try both. */
    static List<Object> idCandidates(String id) {
        List<Object> ids = new ArrayList<>(2);
        ids.add(id);
        if (ObjectId.isValid(id)) {
            ids.add(new ObjectId(id));
        }
        return ids;
    }

    private static CommentSnapshot snapshot(Document d) {
        Object rawId = d.get("_id");
        Date created = d.get("createdAt") instanceof Date date ? date : null;
        return new CommentSnapshot(rawId, rawId.toString(), string(d.get("articleId")), string(d.get("parentId")),
                d.getString("authorName"), d.getString("authorEmail"), d.getString("body"), string(d.get("status")),
                heldReason(d.get("heldBy")), Boolean.TRUE.equals(d.get("notifyApproval")),
                Boolean.TRUE.equals(d.get("notifyReplies")), created == null ? null : created.toInstant());
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * The policy's record of why a comment was held, whatever its shape: a text, a sub-document such as
     * {@code {rule, detail}}, or a list of those.
     */
    static String heldReason(Object heldBy) {
        if (heldBy == null) {
            return null;
        }
        if (heldBy instanceof List<?> list) {
            List<String> reasons = list.stream().map(CommentDocuments::heldReason).filter(r -> r != null).toList();
            return reasons.isEmpty() ? null : String.join("؛ ", reasons);
        }
        if (heldBy instanceof Map<?, ?> map) {
            String rule = text(map.get("rule"));
            String detail = text(map.get("detail")) != null ? text(map.get("detail")) : text(map.get("reason"));
            if (rule != null || detail != null) {
                // The policy's Persian sentence first; the rule's stable name after it, for reference.
                return detail == null ? rule : rule == null ? detail : detail + " (" + rule + ")";
            }
            List<String> values = map.values().stream().map(CommentDocuments::text).filter(v -> v != null).toList();
            return values.isEmpty() ? null : String.join("، ", values);
        }
        String text = heldBy.toString();
        return text.isBlank() ? null : text;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** An article as mails link to it. */
    record ArticleRef(String id, String slug, String title) {
    }
}
