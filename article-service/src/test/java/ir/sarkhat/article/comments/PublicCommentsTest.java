package ir.sarkhat.article.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import ir.sarkhat.kit.test.EmbeddedMongo;

/** The replica follows approve → trash → restore → spam → delete and ignores redelivered or older events. */
class PublicCommentsTest {

    private static MongoClient client;
    private static MongoTemplate mongo;
    private static PublicComments comments;

    // comment-service's ids are ObjectIds in hex: they must stay strings in queries and inserts alike
    private final String articleId = new ObjectId().toHexString();
    private final String commentId = new ObjectId().toHexString();
    private long offset;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri("public-comments-test"));
        mongo = new MongoTemplate(client, "public-comments-test");
        comments = new PublicComments(mongo);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void theCommentComesAndGoesWithEachTransitionAndAReplayChangesNothing() {
        EventPosition approved = at("10:15");
        EventPosition trashed = at("11:00");
        EventPosition restored = at("11:30");
        EventPosition spammed = at("12:00");
        EventPosition deleted = at("13:00");

        assertThat(comments.approved(comment("خبر خوبی بود."), approved)).isTrue();
        assertThat(shown()).containsExactly("خبر خوبی بود.");
        assertThat(comments.sectionFor(articleId).count()).isEqualTo("۱ دیدگاه");
        assertThat(comments.removed(commentId, articleId, trashed)).isTrue();
        assertThat(shown()).isEmpty();
        assertThat(comments.sectionFor(articleId).count()).isEqualTo("۰ دیدگاه");
        assertThat(comments.approved(comment("خبر خوبی بود."), restored)).isTrue();
        assertThat(shown()).hasSize(1);
        assertThat(comments.removed(commentId, articleId, spammed)).isTrue();
        assertThat(comments.removed(commentId, articleId, deleted)).isTrue();
        assertThat(shown()).isEmpty();

        // Everything again: the same events (same id, time and offset) are not newer than the last one.
        assertThat(comments.approved(comment("خبر خوبی بود."), approved)).isFalse();
        assertThat(comments.removed(commentId, articleId, trashed)).isFalse();
        assertThat(comments.approved(comment("خبر خوبی بود."), restored)).isFalse();
        assertThat(comments.removed(commentId, articleId, deleted)).isFalse();
        assertThat(shown()).isEmpty();
        // Nothing the comment showed is kept once it is gone.
        org.bson.Document tombstone = mongo.getCollection(PublicComment.COLLECTION)
                .find(new org.bson.Document("_id", commentId)).first();
        assertThat(tombstone).isNotNull().doesNotContainKeys("authorName", "bodyHtml", "avatarHash", "authorUrl");
    }

    @Test
    void anOlderApprovalArrivingAfterARemovalDoesNotBringTheCommentBack() {
        EventPosition approval = at("10:15");
        comments.removed(commentId, articleId, at("11:00"));

        assertThat(comments.approved(comment("دیر رسید"), approval)).isFalse();
        assertThat(shown()).isEmpty();
    }

    @Test
    void anEditedCommentIsShownWithItsNewerText() {
        comments.approved(comment("نسخه اول"), at("10:15"));
        comments.approved(comment("نسخه ویرایش‌شده"), at("10:45"));

        assertThat(shown()).containsExactly("نسخه ویرایش‌شده");
    }

    @Test
    void theSectionIsThreadedWithJalaliDatesAndAColouredInitial() {
        String replyId = new ObjectId().toHexString();
        comments.approved(comment("اصل"), at("10:15"));
        comments.approved(new ApprovedComment(replyId, articleId, commentId, 1, "علی", "https://ali.example.ir", null,
                "پاسخ", Instant.parse("2023-04-09T10:30:00Z")), at("10:40"));

        CommentsSection section = comments.sectionFor(articleId);

        assertThat(section.count()).isEqualTo("۲ دیدگاه");
        CommentView first = section.comments().get(0);
        CommentView reply = section.comments().get(1);
        assertThat(first.authorName()).isEqualTo("مریم");
        assertThat(first.avatarLetter()).isEqualTo("م");
        assertThat(first.avatarHue()).isEqualTo(Integer.parseInt("9f86d0", 16) % 360);
        assertThat(first.createdAtIso()).isEqualTo("2023-04-09T09:00:00Z");
        assertThat(first.createdAtJalali()).isEqualTo("۲۰ فروردین ۱۴۰۲، ۱۲:۳۰");
        assertThat(first.indent()).isZero();
        assertThat(reply.indent()).isEqualTo(1);
        assertThat(reply.authorUrl()).isEqualTo("https://ali.example.ir");
    }

    private java.util.List<String> shown() {
        return comments.sectionFor(articleId).comments().stream().map(CommentView::bodyHtml).toList();
    }

    private ApprovedComment comment(String body) {
        return new ApprovedComment(commentId, articleId, null, 0, "مریم", null,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", body,
                Instant.parse("2023-04-09T09:00:00Z"));
    }

    /** A new event at the given time on 2023-04-09, next on the article's partition. */
    private EventPosition at(String time) {
        return new EventPosition(java.util.UUID.randomUUID().toString(), Instant.parse("2023-04-09T" + time + ":00Z"),
                1, offset++);
    }
}
