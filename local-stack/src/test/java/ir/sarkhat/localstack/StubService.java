package ir.sarkhat.localstack;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a service's exec jar in {@link StackWithStubServicesTest}: prints its arguments and the
 * admin environment, then answers {@code /readyz} with UP, or exits 3 when told to fail.
 * JDK classes only: it is copied alone into a jar.
 */
public final class StubService {

    private StubService() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        int failPort = -1;
        for (String arg : args) {
            System.out.println("arg " + arg);
            if (arg.startsWith("--server.port=")) {
                port = Integer.parseInt(arg.substring("--server.port=".length()));
            } else if (arg.startsWith("--stub.fail-port=")) {
                failPort = Integer.parseInt(arg.substring("--stub.fail-port=".length()));
            }
        }
        System.out.println("env SARKHAT_ADMIN_USER=" + System.getenv("SARKHAT_ADMIN_USER"));
        System.out.println("env SARKHAT_ADMIN_PASSWORD=" + System.getenv("SARKHAT_ADMIN_PASSWORD"));
        System.out.println("jvm " + String.join(" ",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        if (port == failPort) {
            System.out.println("boom: cannot start");
            System.exit(3);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 10);
        server.createContext("/readyz", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("stub up on " + port);
    }
}
