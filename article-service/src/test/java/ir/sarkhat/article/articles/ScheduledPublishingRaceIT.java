package ir.sarkhat.article.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import ir.sarkhat.kit.events.OutboxEvents;
import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.EventContracts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two article-service instances (each with its own MongoDB client) run the scheduler over the same
 * database at the same moment: every due article is published once, with one ArticlePublished.
 */
class ScheduledPublishingRaceIT {

    private static final String DATABASE = "sarkhat-articles-race";
    private static final int DUE = 200;

    private final List<MongoClient> clients = new ArrayList<>();
    private MongoTemplate mongo;

    @BeforeEach
    void emptyDatabase() {
        mongo = template();
        mongo.dropCollection(Article.class);
    }

    @AfterEach
    void close() {
        clients.forEach(MongoClient::close);
    }

    @Test
    void twoInstancesPublishEachDueArticleExactlyOnce() throws Exception {
        Instant past = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < DUE; i++) {
            mongo.insert(scheduled("خبر زمان‌بندی شده " + i, "zamanbandi-" + i, past));
        }
        String notYet = mongo.insert(scheduled("خبر فردا", "farda", Instant.now().plus(Duration.ofDays(1)))).id();
        ScheduledPublishing first = instance();
        ScheduledPublishing second = instance();

        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> drain(first, start), threads);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> drain(second, start), threads);
            start.countDown();
            assertThat(a.get() + b.get()).as("claims won by both instances together").isEqualTo(DUE);
        } finally {
            threads.shutdownNow();
        }

        List<Document> published = mongo.getCollection(Article.COLLECTION)
                .find(new Document("status", "PUBLISHED")).into(new ArrayList<>());
        assertThat(published).hasSize(DUE);
        for (Document article : published) {
            List<Document> outbox = article.getList("outbox", Document.class);
            assertThat(outbox).as("events of " + article.get("slug")).singleElement()
                    .satisfies(e -> assertThat(e.getString("type")).isEqualTo(ArticlePublished.TYPE));
            EventContracts.assertValid("article-published.v1.schema.json", outbox.get(0).getString("data"));
            assertThat(article.get("publishAt")).isNull();
            assertThat(article.getDate("publishedAt").toInstant()).isAfterOrEqualTo(past);
        }
        assertThat(mongo.findById(notYet, Article.class).status()).isEqualTo(ArticleStatus.SCHEDULED);
    }

    /** Runs passes until nothing is due, like the poller would every second. */
    private static int drain(ScheduledPublishing scheduler, CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        int won = 0;
        for (int pass = 0; pass < 50; pass++) {
            int now = scheduler.publishDue();
            won += now;
            if (now == 0 && pass > 2) {
                break;
            }
        }
        return won;
    }

    private ScheduledPublishing instance() {
        MongoTemplate own = template();
        Clock clock = Clock.systemUTC();
        OutboxRelay idleRelay = new OutboxRelay(own, null, List.of(), "/sarkhat/test", Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        ArticleEvents events = new ArticleEvents(new OutboxEvents(JsonMapper.builder().build(), clock), idleRelay);
        return new ScheduledPublishing(new Articles(own), events, clock, Duration.ofSeconds(1), true);
    }

    private MongoTemplate template() {
        MongoClient client = MongoClients.create(EmbeddedMongo.uri(DATABASE));
        clients.add(client);
        return new MongoTemplate(client, DATABASE);
    }

    private static Article scheduled(String title, String slug, Instant publishAt) {
        Instant created = publishAt.minus(Duration.ofHours(1));
        return new Article(new ObjectId().toHexString(), title, slug, "متن", "<p>متن</p>", "متن", List.of("آزمون"),
                List.of(), "editor-1", "ایسنا", false, null, ArticleStatus.SCHEDULED, publishAt, null, created,
                created, 1, null, null, 0L, List.of());
    }
}
