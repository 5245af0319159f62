package ir.sarkhat.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoStoreTest {

    @TempDir
    Path dir;

    @Test
    void dataInTheH2FileSurvivesARestart() throws IOException {
        int port = freePort();
        Path file = dir.resolve("data").resolve("mongo.mv");
        MongoStore store = new MongoStore("127.0.0.1", port, file);

        store.start();
        try (MongoClient client = MongoClients.create(store.uri("sarkhat-articles"))) {
            articles(client).insertOne(new Document("_id", "a1").append("title", "پنجره واحد دولت هوشمند"));
        }
        store.stop();
        assertThat(file).exists();

        store.start();
        try (MongoClient client = MongoClients.create(store.uri("sarkhat-articles"))) {
            Document article = articles(client).find(Filters.eq("_id", "a1")).first();
            assertThat(article).isNotNull();
            assertThat(article.getString("title")).isEqualTo("پنجره واحد دولت هوشمند");
        } finally {
            store.stop();
        }
    }

    @Test
    void eachServiceDatabaseIsSeparate() throws IOException {
        int port = freePort();
        MongoStore store = new MongoStore("127.0.0.1", port, dir.resolve("mongo.mv"));
        store.start();
        try (MongoClient client = MongoClients.create(store.uri("sarkhat-articles"))) {
            articles(client).insertOne(new Document("_id", "a1"));
            assertThat(client.getDatabase("sarkhat-comments").getCollection("articles").countDocuments()).isZero();
        } finally {
            store.stop();
        }
    }

    private static MongoCollection<Document> articles(MongoClient client) {
        return client.getDatabase("sarkhat-articles").getCollection("articles");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
