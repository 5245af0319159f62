package ir.sarkhat.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import ir.sarkhat.analytics.pageview.AnalyticsRetention;
import ir.sarkhat.analytics.pageview.PageView;
import ir.sarkhat.analytics.pageview.Traffic;
import ir.sarkhat.kit.test.EmbeddedMongo;

/**
 * The crash windows of a batch, replayed against the in-memory MongoDB server: part of a batch applied, then the
 * whole batch again, then the same records in other batch boundaries, and a record of another partition in
 * between. Every rollup must end at the true count.
 */
class RollupsTest {

    private static MongoClient client;
    private static MongoTemplate mongo;
    private static Rollups rollups;

    private final String article = "a-" + UUID.randomUUID();
    private final Instant at = Instant.parse("2026-11-28T10:15:30Z");

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri("rollups-test"));
        mongo = new MongoTemplate(client, "rollups-test");
        rollups = new Rollups(mongo, new AnalyticsRetention(Duration.ofDays(30), Duration.ofDays(2)),
                QueryCacheSettings.DEFAULTS, java.time.Clock.systemUTC());
        rollups.afterPropertiesSet();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aBatchAppliedAgainAfterACrashInTheMiddleCountsEachViewOnce() {
        List<PageView> batch = views(0, 0, 10, "google.com");

        rollups.add(batch.subList(0, 4)); // the crash: only part of the batch reached the rollups
        rollups.add(batch); // redelivered whole
        rollups.add(batch.subList(2, 7)); // redelivered again, cut differently
        rollups.add(views(0, 10, 5, "google.com")); // the stream goes on

        assertThat(rollups.totalViews(article)).isEqualTo(15);
        assertThat(rollups.views(Grain.HOUR, Grain.HOUR.bucketOf(at), article)).isEqualTo(15);
        assertThat(rollups.views(Grain.MINUTE, Grain.MINUTE.bucketOf(at), article)).isEqualTo(15);
        assertThat(rollups.views(Grain.DAY, Grain.DAY.bucketOf(at), article)).isEqualTo(15);
    }

    @Test
    void aRedeliveryThatStartsBelowTheWatermarkAddsOnlyTheRecordsAboveIt() {
        rollups.add(views(1, 100, 5, "t.co")); // offsets 100..104 applied, watermark 104
        List<PageView> overlapping = views(1, 102, 6, "t.co"); // 102..107: 102..104 already counted

        rollups.add(overlapping);

        assertThat(rollups.totalViews(article)).isEqualTo(8);
        Long source = mongo.findById("h|" + Grain.HOUR.bucketOf(at).toEpochMilli() + "|" + article + "|source|t.co",
                org.bson.Document.class, Rollups.COLLECTION).get("views", Number.class).longValue();
        assertThat(source).isEqualTo(8);
    }

    @Test
    void partitionsKeepTheirOwnWatermarks() {
        rollups.add(views(0, 50, 3, null));
        rollups.add(views(2, 7, 2, null)); // a lower offset on another partition is not a replay
        rollups.add(views(0, 50, 3, null));

        assertThat(rollups.totalViews(article)).isEqualTo(5);
        Long direct = mongo.findById("d|" + Grain.DAY.bucketOf(at).toEpochMilli() + "|" + article + "|source|Direct / None",
                org.bson.Document.class, Rollups.COLLECTION).get("views", Number.class).longValue();
        assertThat(direct).isEqualTo(5);
    }

    private List<PageView> views(int partition, long firstOffset, int count, String source) {
        List<PageView> views = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long offset = firstOffset + i;
            views.add(new PageView(article + "-" + partition + "-" + offset, article, at.plusMillis(i), "k" + (i % 3),
                    null, new Traffic(source, null, "Firefox", "Linux", "Desktop"), partition, offset, null));
        }
        return views;
    }
}
