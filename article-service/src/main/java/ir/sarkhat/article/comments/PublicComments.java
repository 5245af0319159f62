package ir.sarkhat.article.comments;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import ir.sarkhat.article.text.PersianDates;

/**
 * The approved comments of each article, kept from comment events so the page shows them without
 * calling comment-service and without JavaScript.
 * <p>
 * Every change is applied only when its event is newer than the one last applied to that comment (a
 * later event time, or the same instant further on the article's partition): redelivered, replayed
 * or late older events change nothing. A change is one conditional update, else an insert that
 * collides on {@code _id} when the comment is already known — single-document writes, no transaction.
 */
@Service
public class PublicComments implements InitializingBean {

    /** More than any page should carry; the widget pages through the rest. */
    static final int PAGE_LIMIT = 1000;

    private final MongoTemplate mongo;

    PublicComments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(PublicComment.COLLECTION).createIndex(new Index().on("articleId", Sort.Direction.ASC)
                .on("visible", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC).named("article_visible_created"));
    }

    /** Shows (or updates) a comment that became public. @return whether the event was applied */
    public boolean approved(ApprovedComment comment, EventPosition position) {
        Instant createdAt = comment.createdAt() != null ? comment.createdAt() : position.time();
        Document shown = new Document("articleId", comment.articleId())
                .append("parentId", comment.parentId())
                .append("depth", comment.depth())
                .append("authorName", CommentHtml.name(comment.authorName()))
                .append("authorUrl", CommentHtml.url(comment.authorUrl()))
                .append("avatarHash", CommentHtml.avatarHash(comment.avatarHash()))
                .append("bodyHtml", CommentHtml.body(comment.bodyHtml()))
                .append("createdAt", Date.from(createdAt))
                .append("visible", true);
        Update update = new Update();
        shown.forEach(update::set);
        return apply(comment.commentId(), shown, update, position);
    }

    /** Takes a comment off the page (spam, trash, back to pending, deleted), keeping nothing of what it showed. */
    public boolean removed(String commentId, String articleId, EventPosition position) {
        Document tombstone = new Document("articleId", articleId).append("visible", false);
        Update update = new Update().set("articleId", articleId).set("visible", false).unset("parentId")
                .unset("depth").unset("authorName").unset("authorUrl").unset("avatarHash").unset("bodyHtml")
                .unset("createdAt");
        return apply(commentId, tombstone, update, position);
    }

    /** The article's public comments in thread order, with their count in Persian digits («۳ دیدگاه»). */
    public CommentsSection sectionFor(String articleId) {
        Query visible = Query.query(where("articleId").is(articleId).and("visible").is(true))
                .with(Sort.by("createdAt", "_id")).limit(PAGE_LIMIT);
        List<PublicComment> comments = mongo.find(visible, PublicComment.class).stream()
                .filter(c -> c.bodyHtml() != null && !c.bodyHtml().isBlank())
                .toList();
        List<CommentView> views = CommentThread.order(comments).stream().map(PublicComments::view).toList();
        return new CommentsSection(PersianDates.number(views.size()) + " دیدگاه", views);
    }

    /** The article's public comments, oldest first, with their thread parents: for the WXR export. */
    public List<ApprovedComment> visibleOf(String articleId) {
        Query visible = Query.query(where("articleId").is(articleId).and("visible").is(true))
                .with(Sort.by("createdAt", "_id"));
        return mongo.find(visible, PublicComment.class).stream()
                .map(c -> new ApprovedComment(c.id(), c.articleId(), c.parentId(), c.depth(), c.authorName(),
                        c.authorUrl(), c.avatarHash(), c.bodyHtml(), c.createdAt()))
                .toList();
    }

    private boolean apply(String commentId, Document fields, Update update, EventPosition position) {
        Date time = Date.from(position.time());
        update.set("eventAt", time).set("eventId", position.eventId()).set("partition", position.partition())
                .set("offset", position.offset());
        Query olderState = Query.query(new Criteria().andOperator(where("_id").is(commentId), olderThan(position)));
        if (mongo.updateFirst(olderState, update, PublicComment.class).getMatchedCount() > 0) {
            return true;
        }
        Document first = new Document("_id", commentId);
        first.putAll(fields);
        first.append("eventAt", time).append("eventId", position.eventId()).append("partition", position.partition())
                .append("offset", position.offset());
        try {
            mongo.insert(first, PublicComment.COLLECTION);
            return true;
        } catch (DuplicateKeyException newerOrSame) {
            return false;
        }
    }

    static Criteria olderThan(EventPosition position) {
        Date time = Date.from(position.time());
        return new Criteria().orOperator(
                where("eventAt").lt(time),
                where("eventAt").is(time).and("partition").is(position.partition())
                        .and("offset").lt(position.offset()).and("eventId").ne(position.eventId()));
    }

    private static CommentView view(CommentThread.Placed placed) {
        PublicComment c = placed.comment();
        String name = c.authorName() == null ? "ناشناس" : c.authorName();
        return new CommentView(c.id(), name, c.authorUrl(), avatarLetter(name), avatarHue(c), c.bodyHtml(),
                c.createdAt() == null ? null : c.createdAt().toString(),
                c.createdAt() == null ? null : CommentDates.jalali(c.createdAt()), placed.indent());
    }

    static String avatarLetter(String name) {
        return new String(Character.toChars(name.codePointAt(0))).toUpperCase(java.util.Locale.ROOT);
    }

    /** A stable colour per commenter: the hash's first 24 bits as a hue. */
    static int avatarHue(PublicComment c) {
        if (c.avatarHash() != null) {
            return Integer.parseInt(c.avatarHash().substring(0, 6), 16) % 360;
        }
        return Math.floorMod(c.id().hashCode(), 360);
    }
}
