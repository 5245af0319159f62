package ir.sarkhat.article;

import static ir.sarkhat.article.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ir.sarkhat.kit.events.OutboxRelay;
import ir.sarkhat.kit.test.EmbeddedMongo;
import ir.sarkhat.kit.test.TestTokens;
import tools.jackson.databind.JsonNode;

/** Kafka unreachable: publishing still succeeds and the event waits in the article document. */
@SpringBootTest(classes = ArticleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                // A port nothing listens on.
                "spring.kafka.bootstrap-servers=127.0.0.1:1",
                "spring.kafka.admin.auto-create=false",
                "spring.kafka.listener.auto-startup=false",
                // Its own database: no other test's relay may drain this outbox.
                "spring.mongodb.database=sarkhat-articles-kafka-down" })
@DirtiesContext
class OutboxWithoutKafkaIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-articles-kafka-down"));
        registry.add("sarkhat.security.public-key-location", TestTokens::publicKeyLocation);
    }

    @LocalServerPort
    int port;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Test
    void publishingSucceedsAndTheEventWaitsInTheDocument() {
        Http http = new Http(port);
        String editor = TestTokens.bearer("editor-1", "EDITOR");
        HttpResponse<String> created = http.post("/api/articles", "{\"title\":\"خبر در قطعی کافکا\",\"body\":\"متن\"}", editor);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).get("id").asString();

        HttpResponse<String> published = http.post("/api/articles/" + id + "/publish", null, editor);

        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(json(published).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(relay.pendingEvents()).isEqualTo(1);
        List<Document> outbox = mongo.getCollection("articles").find(new Document("_id", new org.bson.types.ObjectId(id))).first()
                .getList("outbox", Document.class);
        assertThat(outbox).singleElement().satisfies(event -> {
            assertThat(event.getString("type")).isEqualTo("sarkhat.article.published.v1");
            assertThat(event.getString("topic")).isEqualTo("article-events");
            assertThat(event.getString("key")).isEqualTo(id);
        });
        JsonNode page = json(http.get("/api/articles/" + Http.segment(json(published).get("slug").asString())));
        assertThat(page.get("id").asString()).isEqualTo(id);
    }
}
