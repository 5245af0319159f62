package ir.sarkhat.kit.test;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-memory MongoDB wire-protocol server per test JVM (mongo-java-server). Services talk to it
 * with the real MongoDB driver. Register it with
 * {@code registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("sarkhat-articles"))}.
 */
public final class EmbeddedMongo {

    private static MongoServer server;
    private static String hostPort;

    private EmbeddedMongo() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            InetSocketAddress address = server.getLocalAddress();
            hostPort = "127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-stop"));
        }
        return "mongodb://" + hostPort + "/" + database;
    }
}
