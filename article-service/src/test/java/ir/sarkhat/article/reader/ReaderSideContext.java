package ir.sarkhat.article.reader;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.bson.Document;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ir.sarkhat.article.ArticleServiceApplication;
import ir.sarkhat.article.cache.PageCache;
import ir.sarkhat.article.stats.ArticleStatsStore;
import ir.sarkhat.article.stats.StatsUpdate;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.TestTokens;

/**
 * One application context for the reader-side tests (pages, feeds, cache), on an embedded broker and
 * a database of its own that each test starts empty. Articles are inserted straight into
 * {@code articles} with the shared field names, because the editing API cannot set most of them yet.
 * The cache TTL is long here, so only events can make a cached page change.
 */
@SpringBootTest(classes = ArticleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.mongodb.database=" + ReaderSideContext.DATABASE, "sarkhat.cache.ttl=10m",
                "sarkhat.site.base-url=https://sarkhat.example" })
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
abstract class ReaderSideContext {

    static final String DATABASE = "sarkhat-reader-side";
    static final String BASE = "https://sarkhat.example";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri(DATABASE));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    PageCache cache;

    @Autowired
    ArticleStatsStore statsStore;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void emptyStoreAndCache() {
        for (String collection : new String[] { "articles", "article_stats", "categories", "slug_history" }) {
            mongo.getCollection(collection).deleteMany(new Document());
        }
        cache.evictAll();
        // The cache listener starts at the latest offset: wait until it listens before any test sends an event.
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer("page-cache-invalidation"), 9); // 3 topics × 3 partitions
    }

    HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    org.jsoup.nodes.Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " → " + response.statusCode() + "\n" + response.body());
        }
        return Jsoup.parse(response.body(), BASE + path);
    }

    /** Readership totals as the stats consumer stores them. */
    void stats(String articleId, long views, long comments) {
        statsStore.apply(new StatsUpdate(articleId, views, comments, 1));
    }

    ArticleFixture article(String title) {
        return new ArticleFixture(mongo, title);
    }

    String bootstrap() {
        return kafka.getBrokersAsString();
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
