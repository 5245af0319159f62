package ir.sarkhat.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the stack keeps its data, which ports it uses and how it starts the services. {@link #builder()}
 * gives the launcher's defaults (fixed ports, {@code .sarkhat/}); tests call {@link Builder#freePorts()} and
 * point {@link Builder#dataDir(Path)} at a temporary folder.
 */
public record StackConfig(
        Path dataDir,
        Path repoRoot,
        String host,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int gatewayPort,
        int articlePort,
        int commentPort,
        int analyticsPort,
        List<String> javaOpts,
        String adminUser,
        String adminPassword,
        Duration healthTimeout,
        List<String> extraServiceArgs,
        Consumer<String> progress) {

    public static final List<String> DEFAULT_JAVA_OPTS = List.of(
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");

    public StackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(repoRoot, "repoRoot");
        javaOpts = List.copyOf(javaOpts);
        extraServiceArgs = List.copyOf(extraServiceArgs);
        progress = progress == null ? line -> { } : progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The launcher's configuration: defaults, then {@code SARKHAT_DATA_DIR}, {@code SARKHAT_JAVA_OPTS},
     * {@code SARKHAT_ADMIN_USER} and {@code SARKHAT_ADMIN_PASSWORD} from {@code env}.
     */
    public static Builder fromEnvironment(Map<String, String> env) {
        Builder builder = builder();
        String dataDir = env.get("SARKHAT_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            builder.dataDir(Path.of(dataDir));
        }
        String javaOpts = env.get("SARKHAT_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            builder.javaOpts(Arrays.asList(javaOpts.trim().split("\\s+")));
        }
        String password = env.get("SARKHAT_ADMIN_PASSWORD");
        if (password != null && !password.isEmpty()) {
            builder.adminPassword(password);
        }
        String user = env.get("SARKHAT_ADMIN_USER");
        if (user != null && !user.isBlank()) {
            builder.adminUser(user);
        }
        return builder;
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path storeDir() {
        return dataDir.resolve("data");
    }

    public Path mongoFile() {
        return storeDir().resolve("mongo.mv");
    }

    public Path kafkaDir() {
        return storeDir().resolve("kafka");
    }

    /** Same settings, another data folder or ports: for restarting on the same data, or a second stack. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable builder; every setter returns it. */
    public static final class Builder {
        private Path dataDir = Path.of(".sarkhat");
        private Path repoRoot = RepoRoot.detect();
        private String host = "127.0.0.1";
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int mongoPort = 27017;
        private int gatewayPort = 8080;
        private int articlePort = 8081;
        private int commentPort = 8082;
        private int analyticsPort = 8083;
        private List<String> javaOpts = DEFAULT_JAVA_OPTS;
        private String adminUser;
        private String adminPassword;
        private Duration healthTimeout = Duration.ofSeconds(180);
        private List<String> extraServiceArgs = List.of();
        private Consumer<String> progress;

        private Builder() {
        }

        private Builder(StackConfig c) {
            dataDir = c.dataDir;
            repoRoot = c.repoRoot;
            host = c.host;
            kafkaPort = c.kafkaPort;
            kafkaControllerPort = c.kafkaControllerPort;
            mongoPort = c.mongoPort;
            gatewayPort = c.gatewayPort;
            articlePort = c.articlePort;
            commentPort = c.commentPort;
            analyticsPort = c.analyticsPort;
            javaOpts = c.javaOpts;
            adminUser = c.adminUser;
            adminPassword = c.adminPassword;
            healthTimeout = c.healthTimeout;
            extraServiceArgs = c.extraServiceArgs;
            progress = c.progress;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The folder holding {@code gateway/}, {@code article-service/}, …; detected from this class's location. */
        public Builder repoRoot(Path repoRoot) {
            this.repoRoot = repoRoot;
            return this;
        }

        /** Picks free loopback ports for Kafka, its controller, MongoDB and the four services. */
        public Builder freePorts() {
            int[] ports = Ports.free(host, 7);
            kafkaPort = ports[0];
            kafkaControllerPort = ports[1];
            mongoPort = ports[2];
            gatewayPort = ports[3];
            articlePort = ports[4];
            commentPort = ports[5];
            analyticsPort = ports[6];
            return this;
        }

        public Builder javaOpts(List<String> javaOpts) {
            this.javaOpts = javaOpts;
            return this;
        }

        public Builder adminUser(String adminUser) {
            this.adminUser = adminUser;
            return this;
        }

        public Builder adminPassword(String adminPassword) {
            this.adminPassword = adminPassword;
            return this;
        }

        public Builder healthTimeout(Duration healthTimeout) {
            this.healthTimeout = healthTimeout;
            return this;
        }

        /** Arguments added to every service's command line, e.g. {@code --logging.level.root=WARN}. */
        public Builder extraServiceArgs(List<String> extraServiceArgs) {
            this.extraServiceArgs = extraServiceArgs;
            return this;
        }

        /** Receives one line per step while starting and stopping (the launcher prints them). */
        public Builder progress(Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        public StackConfig build() {
            return new StackConfig(dataDir.toAbsolutePath().normalize(), repoRoot.toAbsolutePath().normalize(), host,
                    kafkaPort, kafkaControllerPort, mongoPort, gatewayPort, articlePort, commentPort, analyticsPort,
                    javaOpts, adminUser, adminPassword, healthTimeout, extraServiceArgs, progress);
        }
    }
}
