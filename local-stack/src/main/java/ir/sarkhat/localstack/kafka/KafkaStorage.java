package ir.sarkhat.localstack.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/** Formats the KRaft log directories once, when they are new (what {@code kafka-storage.sh format} does). */
final class KafkaStorage {

    private KafkaStorage() {
    }

    /** @return true if the directories were formatted now, false if they already held a cluster */
    static boolean formatIfNew(KafkaConfig config) {
        TreeSet<String> dirs = new TreeSet<>(config.logDirs());
        dirs.add(config.metadataLogDir());
        boolean formatted = dirs.stream().allMatch(dir -> Files.exists(Path.of(dir, "meta.properties")));
        if (formatted) {
            return false;
        }
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(config.nodeId())
                .setUnstableFeatureVersionsEnabled(config.unstableFeatureVersionsEnabled())
                .setIgnoreFormatted(true)
                .setControllerListenerName(config.controllerListenerNames().get(0))
                .setMetadataLogDirectory(config.metadataLogDir());
        dirs.forEach(formatter::addDirectory);
        try {
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + dirs + ": " + e.getMessage(), e);
        }
        return true;
    }
}
