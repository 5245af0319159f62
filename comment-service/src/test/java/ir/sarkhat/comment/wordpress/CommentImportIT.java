package ir.sarkhat.comment.wordpress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ir.sarkhat.comment.CommentServiceApplication;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.EventContracts;
import ir.sarkhat.kit.test.KafkaProbe;
import ir.sarkhat.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WordPress comments imported by an admin: status, threading, author fields and dates kept, the
 * events a submission emits emitted once, and nothing written or emitted when the same batch comes again.
 */
@SpringBootTest(classes = CommentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sarkhat.comments.identity-salt=test-salt", "sarkhat.outbox.poll-interval=200ms",
                "spring.mongodb.database=sarkhat-comments-import" })
@EmbeddedKafka(partitions = 3)
@TestPropertySource(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
class CommentImportIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = TestTokens.bearer("admin", "ADMIN");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-comments-import"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker kafka;

    final HttpClient http = HttpClient.newHttpClient();

    static String comment(long id, Long parent, String status, String name, String email, String at, String body) {
        return """
                {"wordpressId":%d,"parentWordpressId":%s,"authorName":"%s","authorEmail":"%s",
                 "authorUrl":"https://blog.example/%d","authorIp":"203.0.113.%d","createdAt":"%s","body":"%s",
                 "status":"%s","type":"comment"}""".formatted(id, parent == null ? "null" : parent.toString(), name,
                email, id, id % 250, at, body, status);
    }

    @Test
    void commentsKeepStatusThreadAndAuthorAndASecondImportWritesAndEmitsNothing() throws Exception {
        String article = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        StringBuilder chain = new StringBuilder();
        for (long id = 11; id <= 17; id++) { // a reply chain seven deep: WordPress allows it, we keep five levels
            chain.append(',').append(comment(id, id - 1, "APPROVED", "Chain " + id, "", "2020-01-01T10:" + (id + 10) + ":00Z",
                    "reply " + id));
        }
        String batch = "{\"articleId\":\"" + article + "\",\"comments\":["
                + comment(2, 1L, "APPROVED", "علی", "Ali@Example.com", "2020-01-01T09:05:00Z", "پاسخ") + ","
                + comment(1, null, "APPROVED", "مريم", "maryam@example.com", "2020-01-01T09:00:00Z", "نخست") + ","
                + comment(3, null, "PENDING", "Pending", "p@example.com", "2020-01-01T09:10:00Z", "waiting") + ","
                + comment(4, null, "SPAM", "Spammer", "s@example.com", "2020-01-01T09:20:00Z", "buy now") + ","
                + comment(5, null, "TRASH", "Gone", "g@example.com", "2020-01-01T09:30:00Z", "thrown away") + ","
                + comment(10, null, "APPROVED", "Chain 10", "", "2020-01-01T10:00:00Z", "top") + chain
                + "]}";

        HttpResponse<String> first = post(batch, ADMIN);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(first.body());
        assertThat(result.get("imported").asInt()).isEqualTo(12);
        assertThat(result.get("alreadyImported").asInt()).isZero();
        assertThat(result.get("failed")).hasSize(1);
        assertThat(result.get("failed").get(0).get("wordpressId").asLong()).isEqualTo(5);
        assertThat(result.get("failed").get(0).get("reason").asString()).contains("trash");

        Map<String, Document> byFingerprint = mongo.getCollection("comments")
                .find(new Document("articleId", article)).into(new java.util.ArrayList<>()).stream()
                .collect(Collectors.toMap(d -> d.getString("fingerprint"), d -> d));
        assertThat(byFingerprint).hasSize(12);
        Document parent = byFingerprint.get("wordpress:1");
        Document reply = byFingerprint.get("wordpress:2");
        assertThat(parent.getString("status")).isEqualTo("APPROVED");
        assertThat(parent.getString("authorName")).isEqualTo("مریم"); // Persian ی at input, like every comment
        assertThat(parent.get("createdAt", java.util.Date.class).toInstant().toString()).isEqualTo("2020-01-01T09:00:00Z");
        assertThat(reply.getString("parentId")).isEqualTo(parent.get("_id").toString());
        assertThat(reply.getInteger("depth")).isEqualTo(1);
        assertThat(reply.getString("authorEmail")).isEqualTo("ali@example.com");
        assertThat(reply.getString("authorUrl")).isEqualTo("https://blog.example/2");
        assertThat(reply.getString("ipPrefix")).isEqualTo("203.0.113.0/24");
        assertThat(byFingerprint.get("wordpress:3").getString("status")).isEqualTo("PENDING");
        assertThat(byFingerprint.get("wordpress:4").getString("status")).isEqualTo("SPAM");
        assertThat(byFingerprint.get("wordpress:16").getInteger("depth")).isEqualTo(5);
        Document deepest = byFingerprint.get("wordpress:17");
        assertThat(deepest.getInteger("depth")).isEqualTo(5); // beside its parent, which is at the deepest level
        assertThat(deepest.getString("inReplyTo")).isEqualTo(byFingerprint.get("wordpress:16").get("_id").toString());

        List<ConsumerRecord<String, String>> events = eventsOf(article, 12 + 10); // 12 submitted + 10 approved
        assertThat(events.stream().filter(r -> type(r).equals("sarkhat.comment.submitted.v1"))).hasSize(12);
        assertThat(events.stream().filter(r -> type(r).equals("sarkhat.comment.approved.v1"))).hasSize(10);
        events.stream().filter(r -> type(r).equals("sarkhat.comment.submitted.v1"))
                .forEach(r -> EventContracts.assertValid("comment-submitted.v1.schema.json", r.value()));
        events.stream().filter(r -> type(r).equals("sarkhat.comment.approved.v1"))
                .forEach(r -> EventContracts.assertValid("comment-approved.v1.schema.json", r.value()));
        assertThat(events).noneMatch(r -> r.value().contains("@example.com"));

        HttpResponse<String> again = post(batch, ADMIN);
        JsonNode second = JSON.readTree(again.body());
        assertThat(second.get("imported").asInt()).isZero();
        assertThat(second.get("alreadyImported").asInt()).isEqualTo(12);
        assertThat(mongo.getCollection("comments").countDocuments(new Document("articleId", article))).isEqualTo(12);
        assertThat(KafkaProbe.readAll(kafka.getBrokersAsString(), "comment-events", Duration.ofSeconds(3)).stream()
                .filter(r -> article.equals(r.key()))).hasSize(22);
    }

    @Test
    void onlyAnAdminMayImportAndABadBatchIsRefusedWhole() throws Exception {
        String batch = "{\"articleId\":\"a1\",\"comments\":[" + comment(900, null, "APPROVED", "x", "", "2020-01-01T00:00:00Z", "hi") + "]}";
        assertThat(post(batch, null).statusCode()).isEqualTo(401);
        assertThat(post(batch, TestTokens.bearer("mod", "MODERATOR")).statusCode()).isEqualTo(403);
        HttpResponse<String> malformed = post("{\"articleId\":\"a1\",\"comments\":[{\"wordpressId\":\"x\"}]}", ADMIN);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(mongo.getCollection("comments").countDocuments(new Document("articleId", "a1"))).isZero();
    }

    private List<ConsumerRecord<String, String>> eventsOf(String article, int expected) {
        List<ConsumerRecord<String, String>>[] found = new List[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = KafkaProbe.readAll(kafka.getBrokersAsString(), "comment-events", Duration.ofSeconds(1)).stream()
                    .filter(r -> article.equals(r.key())).toList();
            return found[0].size() >= expected;
        });
        return found[0];
    }

    private static String type(ConsumerRecord<String, String> record) {
        return KafkaProbe.header(record, "ce_type");
    }

    private HttpResponse<String> post(String json, String authorization) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/import/comments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
