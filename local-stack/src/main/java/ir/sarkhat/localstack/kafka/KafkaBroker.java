package ir.sarkhat.localstack.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * One Kafka broker in this JVM, KRaft combined mode. {@link #stop()} then {@link #start()} brings it back on
 * the same ports with the same data, which is how tests simulate a broker outage.
 */
public final class KafkaBroker {

    private final String host;
    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private KafkaRaftServer server;

    public KafkaBroker(String host, int port, int controllerPort, Path logDir) {
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(logDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create Kafka log dir " + logDir + ": " + e.getMessage(), e);
        }
        Properties props = BrokerSettings.of(host, port, controllerPort, logDir);
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        KafkaStorage.formatIfNew(config);
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(raftServer);
            throw e;
        }
        server = raftServer;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    private static void shutdownQuietly(KafkaRaftServer raftServer) {
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        } catch (RuntimeException ignored) {
            // startup already failed; that failure is the one worth reporting
        }
    }
}
