package ir.sarkhat.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Free-port picking for tests and the "port already in use" check before anything starts. */
final class Ports {

    private Ports() {
    }

    /** {@code count} distinct ports that were free a moment ago (all held open together while picking). */
    static int[] free(String host, int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new StackException("Cannot find free ports on " + host + ": " + e.getMessage(), e);
        } finally {
            sockets.forEach(Ports::closeQuietly);
        }
    }

    /** Throws a {@link StackException} naming the first port (and what it is for) that is already taken. */
    static void requireFree(String host, Map<String, Integer> portsByUse) {
        portsByUse.forEach((use, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            } catch (IOException e) {
                throw new StackException("Port " + port + " (" + use + ") on " + host + " is already in use. "
                        + "Is another Sarkhat stack running? Stop it, or free the port ("
                        + "e.g. `ss -ltnp | grep :" + port + "`), then start again.");
            }
        });
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
