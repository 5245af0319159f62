package ir.sarkhat.analytics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import ir.sarkhat.analytics.comment.CommentStates;
import ir.sarkhat.analytics.rollup.Rollups;
import ir.sarkhat.analytics.visitor.VisitorSketches;
import ir.sarkhat.kit.events.OutboxEvents;
import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.EventContracts;
import tools.jackson.databind.json.JsonMapper;

/** Recounting writes only on change, in one write with the next version, and never goes backwards. */
class ArticleStatsRefresherTest {

    private static MongoClient client;
    private static MongoTemplate mongo;

    private final Rollups rollups = mock(Rollups.class);
    private final VisitorSketches visitors = mock(VisitorSketches.class);
    private final CommentStates comments = mock(CommentStates.class);
    private final OutboxRelay relay = mock(OutboxRelay.class);
    private final ArticleStatsRefresher refresher = new ArticleStatsRefresher(mongo, rollups, visitors, comments,
            new OutboxEvents(JsonMapper.builder().build(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
                    ZoneOffset.UTC)),
            relay, Clock.systemUTC());
    private final String articleId = "a-" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        String uri = EmbeddedMongo.uri("refresher-test");
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, "refresher-test");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aChangeIsWrittenWithTheNextVersionAndItsEventInTheSameDocument() {
        counts(5, 2, 0);
        assertThat(refresher.refresh(articleId)).isTrue();
        counts(6, 2, 1);
        assertThat(refresher.refresh(articleId)).isTrue();

        Document stored = stored();
        assertThat(stored.getLong("version")).isEqualTo(2);
        assertThat(stored.getLong("views")).isEqualTo(6);
        assertThat(stored.getLong("comments")).isEqualTo(1);
        List<Document> outbox = stored.getList("outbox", Document.class);
        assertThat(outbox).extracting(e -> e.getString("type")).containsOnly("sarkhat.article.stats-updated.v1");
        assertThat(outbox).extracting(e -> e.getString("topic")).containsOnly("article-stats");
        assertThat(outbox).extracting(e -> e.getString("key")).containsOnly(articleId);
        outbox.forEach(e -> EventContracts.assertValid("article-stats-updated.v1.schema.json", e.getString("data")));
        assertThat(outbox.get(1).getString("data")).contains("\"version\":2").contains("\"views\":6");
        verify(relay, org.mockito.Mockito.times(2)).wakeUp();
    }

    @Test
    void unchangedTotalsWriteNothing() {
        counts(3, 1, 0);
        refresher.refresh(articleId);
        Document before = stored();

        assertThat(refresher.refresh(articleId)).isFalse();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void nothingCountedForAnUnknownArticleStoresNothing() {
        counts(0, 0, 0);
        assertThat(refresher.refresh(articleId)).isFalse();
        assertThat(mongo.exists(Query.query(where("_id").is(articleId)), ArticleStats.COLLECTION)).isFalse();
    }

    @Test
    void aWriterThatLostARaceRecountsInsteadOfOverwriting() {
        counts(1, 1, 0);
        refresher.refresh(articleId);
        // Another writer stores version 5 between this refresh's read and its write.
        when(rollups.totalViews(articleId)).thenAnswer(call -> {
            mongo.updateFirst(Query.query(where("_id").is(articleId)),
                    new Update().set("version", 5L).set("views", 7L), ArticleStats.COLLECTION);
            return 7L;
        }).thenReturn(8L);

        assertThat(refresher.refresh(articleId)).isTrue();

        Document stored = stored();
        assertThat(stored.getLong("version")).isEqualTo(6);
        assertThat(stored.getLong("views")).isEqualTo(8);
        List<Document> outbox = stored.getList("outbox", Document.class);
        assertThat(outbox).hasSize(2);
        assertThat(outbox.get(1).getString("data")).contains("\"version\":6").contains("\"views\":8");
    }

    @Test
    void aBatchWritesOnlyTheChangedArticlesEachWithItsNextVersion() {
        String other = "a-" + UUID.randomUUID();
        String unread = "a-" + UUID.randomUUID();
        counts(2, 1, 0);
        refresher.refresh(articleId);
        batchCounts(java.util.Map.of(articleId, 2L, other, 4L, unread, 0L), java.util.Map.of(articleId, 1L, other, 3L,
                unread, 0L), java.util.Map.of(articleId, 1L, other, 0L, unread, 0L));

        assertThat(refresher.refreshAll(List.of(articleId, other, unread))).isEqualTo(2);

        Document first = stored();
        assertThat(first.getLong("version")).isEqualTo(2);
        assertThat(first.getLong("comments")).isEqualTo(1);
        assertThat(first.getList("outbox", Document.class)).hasSize(2);
        Document second = mongo.findById(other, Document.class, ArticleStats.COLLECTION);
        assertThat(second.getLong("version")).isEqualTo(1);
        assertThat(second.getLong("views")).isEqualTo(4);
        assertThat(second.getLong("uniqueVisitors")).isEqualTo(3);
        assertThat(mongo.exists(Query.query(where("_id").is(unread)), ArticleStats.COLLECTION)).isFalse();
        assertThat(refresher.refreshAll(List.of(articleId, other, unread))).isZero(); // a replay publishes nothing
    }

    @Test
    void aBatchWriteThatLostARaceIsRecounted() {
        counts(1, 1, 0);
        refresher.refresh(articleId);
        batchCounts(java.util.Map.of(articleId, 7L), java.util.Map.of(articleId, 1L), java.util.Map.of(articleId, 0L));
        when(visitors.allTimeVisitors(java.util.Set.of(articleId))).thenAnswer(call -> {
            // another writer stores version 5 after this batch read the stored totals
            mongo.updateFirst(Query.query(where("_id").is(articleId)),
                    new Update().set("version", 5L).set("views", 6L), ArticleStats.COLLECTION);
            return java.util.Map.of(articleId, 1L);
        });
        counts(8, 1, 0);

        refresher.refreshAll(java.util.Set.of(articleId));

        Document stored = stored();
        assertThat(stored.getLong("version")).isEqualTo(6);
        assertThat(stored.getLong("views")).isEqualTo(8);
    }

    private void batchCounts(java.util.Map<String, Long> views, java.util.Map<String, Long> uniques,
            java.util.Map<String, Long> approved) {
        when(rollups.totalViews(org.mockito.ArgumentMatchers.<java.util.Collection<String>>any())).thenReturn(views);
        when(visitors.allTimeVisitors(org.mockito.ArgumentMatchers.<java.util.Collection<String>>any())).thenReturn(uniques);
        when(comments.approvedComments(org.mockito.ArgumentMatchers.<java.util.Collection<String>>any())).thenReturn(approved);
    }

    private void counts(long views, long uniqueVisitors, long approved) {
        when(rollups.totalViews(articleId)).thenReturn(views);
        when(visitors.allTimeVisitors(articleId)).thenReturn(uniqueVisitors);
        when(comments.approvedComments(articleId)).thenReturn(approved);
    }

    private Document stored() {
        return mongo.findById(articleId, Document.class, ArticleStats.COLLECTION);
    }
}
