package ir.sarkhat.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole launcher (store, broker, child JVMs, health wait, stop) with stub jars in place of the services. */
class StackWithStubServicesTest {

    @TempDir
    Path repo;

    @TempDir
    Path data;

    @BeforeEach
    void stubJars() throws IOException {
        for (String module : ServicePlan.MODULES) {
            writeStubJar(Files.createDirectories(repo.resolve(module).resolve("target"))
                    .resolve(module + "-0.1.0-SNAPSHOT-exec.jar"));
        }
    }

    @Test
    void startsWiresAndStopsEverything() throws IOException {
        StackConfig config = config().build();
        List<Long> pids;
        try (Stack stack = new Stack(config).start()) {
            pids = stack.servicePids();
            assertThat(pids).hasSize(4);
            assertThat(stack.gatewayUrl().toString()).isEqualTo("http://127.0.0.1:" + config.gatewayPort());
            assertThat(stack.adminPassword()).isPresent();
            assertThat(stack.startupTime()).isPositive();

            String gatewayLog = Files.readString(config.logsDir().resolve("gateway.log"));
            assertThat(gatewayLog)
                    .contains("arg --server.port=" + config.gatewayPort())
                    .contains("arg --spring.mongodb.uri=mongodb://127.0.0.1:" + config.mongoPort() + "/sarkhat-gateway")
                    .contains("arg --spring.kafka.bootstrap-servers=127.0.0.1:" + config.kafkaPort())
                    .contains("arg --sarkhat.gateway.article-service-uri=http://127.0.0.1:" + config.articlePort())
                    .contains("arg --sarkhat.gateway.comment-service-uri=http://127.0.0.1:" + config.commentPort())
                    .contains("arg --sarkhat.gateway.analytics-service-uri=http://127.0.0.1:" + config.analyticsPort())
                    .contains("env SARKHAT_ADMIN_USER=admin")
                    .contains("env SARKHAT_ADMIN_PASSWORD=" + stack.adminPassword().orElseThrow())
                    .contains("-Dfile.encoding=UTF-8 -Xmx64m");
            String commentsLog = Files.readString(config.logsDir().resolve("comment-service.log"));
            assertThat(commentsLog)
                    .contains("arg --spring.mongodb.uri=mongodb://127.0.0.1:" + config.mongoPort() + "/sarkhat-comments")
                    .contains("arg --sarkhat.security.jwks-uri=http://127.0.0.1:" + config.gatewayPort() + "/.well-known/jwks.json")
                    .contains("env SARKHAT_ADMIN_PASSWORD=null");
            assertThat(config.storeDir().resolve("admin-initialized")).exists();
        }
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
        assertThat(config.mongoFile()).exists();

        try (Stack again = new Stack(config).start()) {
            assertThat(again.adminPassword()).isEmpty();
            assertThat(again.adminSummaryLine()).contains("printed on the first start");
            assertThat(Files.readString(config.logsDir().resolve("gateway.log")))
                    .contains("env SARKHAT_ADMIN_USER=admin")
                    .contains("env SARKHAT_ADMIN_PASSWORD=null");
        }
    }

    @Test
    void aServiceThatDiesIsReportedWithItsLogAndNothingIsLeftRunning() {
        StackConfig probe = config().build();
        StackConfig config = probe.toBuilder()
                .extraServiceArgs(List.of("--stub.fail-port=" + probe.commentPort()))
                .build();
        Stack stack = new Stack(config);

        assertThatThrownBy(stack::start)
                .isInstanceOf(StackException.class)
                .hasMessageContaining("comment-service exited with code 3")
                .hasMessageContaining("boom: cannot start");
        assertThat(stack.servicePids()).isEmpty();
        assertThat(config.storeDir().resolve("admin-initialized")).doesNotExist();
        // everything was stopped: the same ports are free again
        Ports.requireFree("127.0.0.1", java.util.Map.of("gateway", config.gatewayPort(), "Kafka", config.kafkaPort(),
                "MongoDB", config.mongoPort()));
    }

    private StackConfig.Builder config() {
        return StackConfig.builder()
                .repoRoot(repo)
                .dataDir(data)
                .freePorts()
                .javaOpts(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                .healthTimeout(Duration.ofSeconds(60));
    }

    private static void writeStubJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StubService.class.getName());
        String entry = StubService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream classFile = StubService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
    }
}
