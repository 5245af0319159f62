package ir.sarkhat.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.events.OutboxRelayException;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;

/** The kit as a service sees it: token checks, problem responses, the outbox relay and dead letters. */
@SpringBootTest(classes = ir.sarkhat.kit.sample.SampleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=sample",
                "spring.kafka.consumer.group-id=sample",
                "sarkhat.outbox.collections=things",
                "sarkhat.kafka.produces=things",
                "sarkhat.kafka.consumes=inbox",
                "sarkhat.kafka.retry.initial-interval-ms=50",
                "sarkhat.web.max-request-size=1KB",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}" })
@EmbeddedKafka(partitions = 3)
class KitIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("kit-test"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void staffTokensAreCheckedByTheServiceItself() throws Exception {
        String body = "{\"name\":\"a\",\"size\":1}";
        HttpResponse<String> anonymous = post("/things", body, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");

        assertThat(post("/things", body, TestTokens.bearer("m", "MODERATOR")).statusCode()).isEqualTo(403);
        assertThat(post("/things", body, TestTokens.expired("e", "EDITOR")).statusCode()).isEqualTo(401);
        assertThat(post("/things", body, TestTokens.signedByAnotherKey("e", "EDITOR")).statusCode()).isEqualTo(401);
        assertThat(post("/things", body, TestTokens.withIssuerAndAudience("sarkhat", "elsewhere", "e", "EDITOR"))
                .statusCode()).isEqualTo(401);
        assertThat(post("/things", body, TestTokens.withIssuerAndAudience("evil", "sarkhat", "e", "EDITOR"))
                .statusCode()).isEqualTo(401);

        assertThat(post("/things", body, TestTokens.bearer("e", "EDITOR")).statusCode()).isEqualTo(201);
        assertThat(post("/things", body, TestTokens.bearer("a", "ADMIN")).statusCode()).isEqualTo(201);
    }

    @Test
    void healthIsUpOnTheEmbeddedStore() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void badInputGetsReadableProblems() throws Exception {
        String editor = TestTokens.bearer("e", "EDITOR");

        HttpResponse<String> malformed = post("/things", "{\"name\":", editor);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(malformed.body()).contains("not valid JSON");

        HttpResponse<String> wrongType = post("/things", "{\"name\":\"a\",\"size\":\"big\"}", editor);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("'size'");

        HttpResponse<String> invalid = post("/things", "{\"name\":\"far too long a name\",\"size\":1}", editor);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("name");

        HttpResponse<String> tooLarge = post("/things", "{\"name\":\"" + "x".repeat(2000) + "\"}", editor);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> missing = get("/things/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("No thing with id nope").doesNotContain("Exception");
    }

    @Test
    void outboxEventsReachKafkaAsCloudEventsAndLeaveTheDocument() throws Exception {
        HttpResponse<String> created = post("/things", "{\"name\":\"relayed\",\"size\":2}",
                TestTokens.bearer("e", "EDITOR"));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        ConsumerRecord<String, String> record = KafkaProbe.awaitRecord(kafka.getBrokersAsString(), "things",
                r -> id.equals(r.key()), Duration.ofSeconds(20));
        assertThat(record.value()).contains("\"thingId\":\"" + id + "\"").contains("\"name\":\"relayed\"");
        assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("sarkhat.thing.created.v1");
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/sarkhat/sample");
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(id);
        assertThat(KafkaProbe.header(record, "ce_id")).matches("[0-9a-f-]{36}");
        assertThat(KafkaProbe.header(record, "ce_time")).isNotBlank();
        assertThat(KafkaProbe.header(record, "content-type")).isEqualTo("application/json");
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();

        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pendingEvents() == 0);
    }

    @Test
    void theRelaysPendingQueryHasASparseIndexOnEveryOutboxCollectionAndAnEmptiedOutboxLeavesIt() {
        assertThat(mongo.getCollection("things").listIndexes())
                .filteredOn(index -> OutboxRelay.PENDING_INDEX.equals(index.getString("name")))
                .singleElement()
                .satisfies(index -> {
                    assertThat(index.get("key", Document.class)).isEqualTo(new Document("outbox.eventId", 1));
                    assertThat(index.getBoolean("sparse")).isTrue();
                });

        // Served by that index: pending documents are found, emptied ones are not (an empty array has no eventId).
        mongo.insert(new Document("_id", "emptied").append("outbox", List.of()), "things");
        mongo.insert(new Document("_id", "no-outbox-field"), "things");
        String id = new ObjectId().toHexString();
        mongo.insert(new Document("_id", id).append("outbox", List.of(new Document("eventId", UUID.randomUUID()
                .toString()).append("topic", "things").append("key", id).append("type", "sarkhat.thing.created.v1")
                .append("time", new Date()).append("data", "{}"))), "things");
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.pendingEvents() == 0);
        KafkaProbe.awaitRecord(kafka.getBrokersAsString(), "things", r -> id.equals(r.key()), Duration.ofSeconds(20));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicOnTheSamePartition() {
        String bootstrap = kafka.getBrokersAsString();
        ProducerRecord<String, String> poison = new ProducerRecord<>("inbox", 2, "k", "not json");
        poison.headers().add("ce_id", "p-1".getBytes()).add("ce_type", "t".getBytes());
        KafkaProbe.send(bootstrap, poison);

        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecord(bootstrap, "inbox-dlt",
                r -> "not json".equals(r.value()), Duration.ofSeconds(30));
        assertThat(dead.partition()).isEqualTo(2);
        assertThat(KafkaProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo("inbox");
        assertThat(KafkaProbe.header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                meters.get("sarkhat.events.dead.lettered").tag("topic", "inbox").counter().count())
                .as("dead letters are counted for the alert on <topic>-dlt").isGreaterThanOrEqualTo(1));
    }

    @Test
    void eventsWaitInTheirDocumentWhileKafkaIsDownAndGoOutWhenItIsBack() {
        // An ObjectId-looking string id: it must be matched as the string it is.
        String id = new ObjectId().toHexString();
        mongo.insert(new Document("_id", id).append("outbox", List.of(
                new Document("eventId", UUID.randomUUID().toString()).append("topic", "things")
                        .append("key", id).append("type", "sarkhat.thing.created.v1")
                        .append("time", new Date()).append("data", "{\"thingId\":\"" + id + "\"}"))),
                "outage_things");

        OutboxRelay down = relayTo("127.0.0.1:1");
        assertThatThrownBy(down::relayOnce).isInstanceOf(OutboxRelayException.class);
        assertThat(down.pendingEvents()).isEqualTo(1);

        OutboxRelay up = relayTo(kafka.getBrokersAsString());
        assertThat(up.relayOnce()).isEqualTo(1);
        assertThat(up.pendingEvents()).isZero();
        KafkaProbe.awaitRecord(kafka.getBrokersAsString(), "things", r -> id.equals(r.key()), Duration.ofSeconds(20));
    }

    private OutboxRelay relayTo(String bootstrap) {
        var producer = new DefaultKafkaProducerFactory<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
        return new OutboxRelay(mongo, new KafkaTemplate<>(producer),
                List.of("outage_things"), "/sarkhat/sample", Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    private HttpResponse<String> post(String path, String json, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
