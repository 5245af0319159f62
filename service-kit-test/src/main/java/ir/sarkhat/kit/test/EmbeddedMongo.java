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
            // No shutdown hook: it ran beside Spring's, so contexts still closing (an outbox relay giving back its
            // lease, a scheduled read) waited 30 s for a server that was gone, and Surefire killed the JVM. The
            // in-memory server ends with the JVM anyway.
        }
        return "mongodb://" + hostPort + "/" + database;
    }
}
