package ir.sarkhat.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;

import static org.awaitility.Awaitility.await;

/**
 * A real {@code redis-server} (Debian's package, which {@code .ci/run} installs) on a free loopback port, with no
 * persistence. Missing binary: the test is skipped on a developer's machine and fails on CI ({@code CI} set).
 */
public final class RedisServer implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getenv().getOrDefault("SARKHAT_REDIS_SERVER", "/usr/bin/redis-server"));

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RedisServer start() {
        boolean installed = Files.isExecutable(BINARY);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("redis-server is required on CI: " + BINARY);
        }
        Assumptions.assumeTrue(installed, "Redis test skipped: install Debian's redis-server (see .ci/run)");
        int port = FreePorts.closed();
        try {
            Process process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
                    "--dir", Files.createTempDirectory("sarkhat-redis").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            RedisServer server = new RedisServer(process, port);
            await().atMost(Duration.ofSeconds(20)).until(server::accepts);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    private boolean accepts() {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
