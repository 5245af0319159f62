package ir.sarkhat.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's checks and decisions that need no running service. */
class LauncherChecksTest {

    @TempDir
    Path dir;

    @Test
    void missingServiceJarsSayWhatToRun() {
        StackConfig config = StackConfig.builder().repoRoot(dir).dataDir(dir.resolve("data")).freePorts().build();

        assertThatThrownBy(() -> new Stack(config).start())
                .isInstanceOf(StackException.class)
                .hasMessageContaining("gateway/target/gateway-*-exec.jar")
                .hasMessageContaining("run `mvn -q -DskipTests package` first".substring(4));
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void findsTheNewestExecJar() throws IOException {
        Path target = Files.createDirectories(dir.resolve("gateway/target"));
        Files.createFile(target.resolve("gateway-0.1.0-SNAPSHOT.jar"));
        Path exec = Files.createFile(target.resolve("gateway-0.1.0-SNAPSHOT-exec.jar"));

        assertThat(ExecJars.find(dir, "gateway")).isEqualTo(exec);
        assertThat(ExecJars.find(dir, "comment-service")).isNull();
    }

    @Test
    void aBusyPortIsNamed() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            assertThatThrownBy(() -> Ports.requireFree("127.0.0.1", Map.of("Kafka", port)))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("Port " + port + " (Kafka)")
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void freePortsAreDistinct() {
        int[] ports = Ports.free("127.0.0.1", 7);
        assertThat(ports).doesNotHaveDuplicates().hasSize(7);
    }

    @Test
    void firstStartGeneratesAPasswordAndLaterStartsPassNothing() {
        Path marker = dir.resolve("admin-initialized");

        AdminAccount first = AdminAccount.decide(null, null, marker);
        assertThat(first.origin()).isEqualTo(AdminAccount.Origin.GENERATED);
        assertThat(first.password()).hasSize(24);
        assertThat(first.gatewayEnv()).containsEntry("SARKHAT_ADMIN_USER", "admin")
                .containsEntry("SARKHAT_ADMIN_PASSWORD", first.password());
        assertThat(first.summaryLine()).contains(first.password());

        first.markInitialized(marker);
        AdminAccount later = AdminAccount.decide(null, null, marker);
        assertThat(later.origin()).isEqualTo(AdminAccount.Origin.EXISTING);
        assertThat(later.gatewayEnv()).containsEntry("SARKHAT_ADMIN_USER", "admin")
                .containsEntry("SARKHAT_ADMIN_PASSWORD", null);
        assertThat(later.summaryLine()).contains("printed on the first start").contains("SARKHAT_ADMIN_PASSWORD");

        AdminAccount given = AdminAccount.decide("chief", "s3cret-enough", marker);
        assertThat(given.origin()).isEqualTo(AdminAccount.Origin.GIVEN);
        assertThat(given.gatewayEnv()).containsEntry("SARKHAT_ADMIN_USER", "chief")
                .containsEntry("SARKHAT_ADMIN_PASSWORD", "s3cret-enough");
        assertThat(given.summaryLine()).doesNotContain("s3cret-enough");
    }

    @Test
    void laterStartsNameTheAdminChosenOnTheFirstStart() {
        Path marker = dir.resolve("admin-initialized");
        AdminAccount.decide("chief", null, marker).markInitialized(marker);

        AdminAccount later = AdminAccount.decide(null, null, marker);

        assertThat(later.user()).isEqualTo("chief");
        assertThat(later.gatewayEnv()).containsEntry("SARKHAT_ADMIN_USER", "chief")
                .containsEntry("SARKHAT_ADMIN_PASSWORD", null);
    }

    @Test
    void environmentOverridesTheDefaults() {
        StackConfig config = StackConfig.fromEnvironment(Map.of(
                "SARKHAT_DATA_DIR", dir.toString(),
                "SARKHAT_JAVA_OPTS", " -Xmx128m  -XX:+UseSerialGC ",
                "SARKHAT_ADMIN_PASSWORD", "pw")).build();

        assertThat(config.dataDir()).isEqualTo(dir);
        assertThat(config.mongoFile()).isEqualTo(dir.resolve("data/mongo.mv"));
        assertThat(config.kafkaDir()).isEqualTo(dir.resolve("data/kafka"));
        assertThat(config.javaOpts()).containsExactly("-Xmx128m", "-XX:+UseSerialGC");
        assertThat(config.adminPassword()).isEqualTo("pw");
        assertThat(config.gatewayPort()).isEqualTo(8080);
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.mongoPort()).isEqualTo(27017);
    }

    @Test
    void defaultsMatchTheDocumentedLayout() {
        StackConfig config = StackConfig.fromEnvironment(Map.of()).build();

        assertThat(config.dataDir()).isEqualTo(Path.of(".sarkhat").toAbsolutePath().normalize());
        assertThat(config.javaOpts()).isEqualTo(List.of(
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError"));
        assertThat(config.repoRoot().resolve("local-stack")).isDirectory();
    }
}
