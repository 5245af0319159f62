package ir.sarkhat.bench.analytics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.dynatrace.hash4j.distinctcount.UltraLogLog;
import com.dynatrace.hash4j.hashing.Hashing;

import ir.sarkhat.analytics.AnalyticsApplication;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.TestTokens;

/**
 * analytics-service benchmarks, in one JVM: an in-process KRaft broker, the in-memory MongoDB-protocol store (the
 * store of the tests and CI) and the service itself (SpringApplication, its real listeners and HTTP API).
 * <ol>
 * <li><b>ingest</b>: {@code bench.views} (100 000) PageViewed of {@code bench.ingestArticles} (200) articles and
 * 50 000 visitors, spread over the last 24 h, on page-views; a plain KafkaConsumer (new group, the listener's
 * {@code max.poll.records}, {@code bench.maxPollRecords} = 5 000) reads them all, {@code bench.rawRounds} (3) times
 * (raw rate: the median);
 * then the service's listener is started and timed until the site's all-time rollup holds exactly that many views
 * (end-to-end rate). Reported: both rates and their ratio, and whether every count is exact.</li>
 * <li><b>latency</b>: with the service idle, {@code bench.samples} single events, each timed from send until the
 * article's all-time rollup shows it (polled every 2 ms): p50/p99.</li>
 * <li><b>queries</b>: rollups (per article and day, the site per day and hour, one ranking document per day) and
 * visitor sketches for {@code bench.queryViews} (10 M) views are written straight into the store (generating 10 M raw events through Kafka would take hours here), then top articles and the
 * site's time series over 30 days are asked over HTTP with a staff token: p50/p99.</li>
 * </ol>
 */
public final class AnalyticsBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int views = Integer.getInteger("bench.views", 100_000);
        int maxPollRecords = Integer.getInteger("bench.maxPollRecords", 5_000);
        int rawRounds = Integer.getInteger("bench.rawRounds", 3);
        int ingestArticles = Integer.getInteger("bench.ingestArticles", 200);
        int samples = Integer.getInteger("bench.samples", 300);
        long queryViews = Long.getLong("bench.queryViews", 10_000_000L);
        int articles = Integer.getInteger("bench.articles", 2_000);
        int runs = Integer.getInteger("bench.runs", 200);

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, "page-views", "page-views-dlt",
                "article-events", "article-events-dlt", "comment-events", "comment-events-dlt", "article-stats");
        broker.afterPropertiesSet();
        String bootstrap = broker.getBrokersAsString();
        String mongoUri = EmbeddedMongo.uri("bench-analytics");
        System.out.printf("broker %s, store %s%n", bootstrap, mongoUri);

        // 1. ingest: the topic is filled first, with the service's listener not yet running
        List<String> articleIds = new ArrayList<>();
        for (int i = 0; i < ingestArticles; i++) {
            articleIds.add(new org.bson.types.ObjectId().toHexString());
        }
        produce(bootstrap, views, articleIds);
        // the same records, the same max.poll.records and a new group each round (a group join, as the service's)
        List<Double> rawRuns = new ArrayList<>();
        for (int round = 0; round < rawRounds; round++) {
            double seconds = rawConsume(bootstrap, views, maxPollRecords);
            rawRuns.add(seconds);
            System.out.printf("raw consumer round %d: %d records in %.2f s = %.0f/s%n", round + 1, views, seconds,
                    views / seconds);
        }
        Collections.sort(rawRuns);
        double rawSeconds = rawRuns.get(rawRuns.size() / 2);
        System.out.printf("raw consumer (median of %d): %d records in %.2f s = %.0f/s%n", rawRounds, views, rawSeconds,
                views / rawSeconds);

        ConfigurableApplicationContext app = new SpringApplication(AnalyticsApplication.class).run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap, "--spring.mongodb.uri=" + mongoUri,
                "--sarkhat.security.public-key-location=" + TestTokens.publicKeyLocation(),
                "--spring.kafka.listener.auto-startup=false", "--logging.level.root=WARN",
                "--spring.kafka.consumer.auto-offset-reset=earliest", "--spring.kafka.consumer.max-poll-records=" + maxPollRecords,
                "--sarkhat.analytics.ingest.max-poll-records=" + maxPollRecords);
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        KafkaListenerEndpointRegistry listeners = app.getBean(KafkaListenerEndpointRegistry.class);
        long start = System.nanoTime();
        listeners.start();
        long counted = 0;
        while (counted < views) {
            Thread.sleep(50);
            counted = siteTotal(mongo);
        }
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2000);
        long after = siteTotal(mongo);
        System.out.printf("end to end: %d views counted in %.2f s = %.0f/s; ratio to raw consumer %.3f; exact: %s (%d)%n",
                views, ingestSeconds, views / ingestSeconds, rawSeconds / ingestSeconds, after == views, after);

        // 2. event -> visible count
        String port = app.getEnvironment().getProperty("local.server.port");
        List<Long> latencies = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int i = 0; i < samples; i++) {
                String article = articleIds.get(i % articleIds.size());
                long before = articleTotal(mongo, article);
                long sent = System.nanoTime();
                producer.send(record(article, UUID.randomUUID().toString(), "ab".repeat(16), Instant.now())).get();
                while (articleTotal(mongo, article) == before) {
                    Thread.sleep(2);
                }
                latencies.add((System.nanoTime() - sent) / 1_000_000);
            }
        }
        System.out.printf("event -> visible count: %d samples, p50 %d ms, p99 %d ms%n", samples,
                percentile(latencies, 50), percentile(latencies, 99));

        // 3. dashboard queries over 30 days with queryViews views seeded as rollups and sketches
        listeners.stop();
        seed(mongo, queryViews, articles);
        String token = TestTokens.bearer("bench", "EDITOR");
        for (String path : List.of("/api/analytics/top?period=30d&limit=10", "/api/analytics/timeseries?period=30d")) {
            long cold = System.nanoTime();
            get(port, path, token); // the first ask: nothing of the seeded data in the query cache yet
            System.out.printf("%s: first (cold) %.1f ms%n", path, (System.nanoTime() - cold) / 1e6);
            for (int i = 0; i < 20; i++) {
                get(port, path, token); // warm-up
            }
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                get(port, path, token);
                times.add((System.nanoTime() - t0) / 1_000);
            }
            System.out.printf("%s: %d runs, p50 %.1f ms, p99 %.1f ms%n", path, runs, percentile(times, 50) / 1000.0,
                    percentile(times, 99) / 1000.0);
        }
        app.close();
        broker.destroy();
        System.exit(0);
    }

    private static void produce(String bootstrap, int views, List<String> articles) throws Exception {
        Random random = new Random(7);
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int i = 0; i < views; i++) {
                String visitor = String.format("%032x", random.nextInt(50_000));
                producer.send(record(articles.get(random.nextInt(articles.size())), UUID.randomUUID().toString(), visitor,
                        now.minusSeconds(random.nextInt(86_400))));
            }
            producer.flush();
        }
    }

    private static double rawConsume(String bootstrap, int views, int maxPollRecords) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("page-views"));
            long start = System.nanoTime();
            int read = 0;
            while (read < views) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static ProducerRecord<String, String> record(String article, String id, String visitor, Instant at) {
        String data = "{\"pageviewId\":\"" + id + "\",\"articleId\":\"" + article + "\",\"viewedAt\":\"" + at
                + "\",\"path\":\"/articles/x\",\"referrer\":\"https://www.google.com/\",\"visitorKey\":\"" + visitor
                + "\",\"origin\":\"server\",\"browser\":\"Chrome\",\"os\":\"Android\",\"device\":\"Mobile\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>("page-views", article, data);
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "sarkhat.page.viewed.v1".getBytes(StandardCharsets.UTF_8))
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/sarkhat/gateway".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new StringSerializer());
    }

    private static long siteTotal(MongoTemplate mongo) {
        return articleTotal(mongo, "*");
    }

    private static long articleTotal(MongoTemplate mongo, String scope) {
        Document doc = mongo.getCollection("rollups").find(new Document("_id", "t|0|" + scope + "|all|all")).first();
        return doc == null ? 0 : ((Number) doc.get("views")).longValue();
    }

    /** Day and hour rollups ("all" dimension) and day visitor sketches for 30 days, as the listener writes them. */
    private static void seed(MongoTemplate mongo, long total, int articles) {
        long t0 = System.nanoTime();
        Random random = new Random(11);
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        long perArticleDay = total / articles / 30;
        var rollups = mongo.getCollection("rollups");
        var sketches = mongo.getCollection("visitor_sketches");
        rollups.deleteMany(new Document()); // the query phase starts from its own data set only
        sketches.deleteMany(new Document());
        List<Document> rollupDocs = new ArrayList<>();
        List<Document> sketchDocs = new ArrayList<>();
        long seeded = 0;
        for (int d = 0; d < 30; d++) {
            Instant day = today.minus(d, ChronoUnit.DAYS);
            long siteDay = 0;
            Document ranking = new Document();
            for (int a = 0; a < articles; a++) {
                String article = "bench-" + a;
                // a skewed distribution: a few articles get most views, every one gets some
                long views = Math.max(1, (long) (perArticleDay * 4 * Math.pow(random.nextDouble(), 3))); // mean = perArticleDay
                siteDay += views;
                ranking.append(article, views);
                rollupDocs.add(rollup("d", day, article, views));
                UltraLogLog sketch = UltraLogLog.create(12);
                for (int v = 0; v < Math.min(views, 200); v++) {
                    sketch.add(Hashing.komihash5_0().hashCharsToLong(article + d + v));
                }
                sketchDocs.add(new Document("_id", "d|" + day.toEpochMilli() + "|" + article)
                        .append("s", new Binary(sketch.getState())).append("version", 1L));
                if (rollupDocs.size() >= 5_000) {
                    rollups.insertMany(rollupDocs);
                    sketches.insertMany(sketchDocs);
                    rollupDocs.clear();
                    sketchDocs.clear();
                }
            }
            seeded += siteDay;
            rollupDocs.add(rollup("d", day, "*", siteDay));
            rollupDocs.add(new Document("_id", "d|" + day.toEpochMilli() + "|*|rank|all").append("g", "d")
                    .append("t", Date.from(day)).append("a", "*").append("d", "rank").append("v", "all").append("r", ranking));
            for (int h = 0; h < 24; h++) {
                rollupDocs.add(rollup("h", day.plus(h, ChronoUnit.HOURS), "*", siteDay / 24));
            }
            UltraLogLog site = UltraLogLog.create(12);
            for (int v = 0; v < 5000; v++) {
                site.add(random.nextLong());
            }
            sketchDocs.add(new Document("_id", "d|" + day.toEpochMilli() + "|*").append("s", new Binary(site.getState()))
                    .append("version", 1L));
        }
        rollups.insertMany(rollupDocs);
        sketches.insertMany(sketchDocs);
        List<Document> catalog = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            catalog.add(new Document("_id", "bench-" + a).append("title", "خبر " + a).append("slug", "bench-" + a));
        }
        mongo.getCollection("articles").insertMany(catalog);
        System.out.printf("seeded %d views as %d article-day rollups (+ sketches) in %.1f s%n", seeded, articles * 30,
                (System.nanoTime() - t0) / 1e9);
    }

    private static Document rollup(String grain, Instant at, String scope, long views) {
        return new Document("_id", grain + "|" + at.toEpochMilli() + "|" + scope + "|all|all").append("g", grain)
                .append("t", Date.from(at)).append("a", scope).append("d", "all").append("v", "all").append("views", views);
    }

    private static void get(String port, String path, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private AnalyticsBench() {
    }
}
