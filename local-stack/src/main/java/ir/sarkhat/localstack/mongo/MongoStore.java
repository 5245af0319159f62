package ir.sarkhat.localstack.mongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-protocol server on {@code host:port} whose databases live in one H2 MVStore file, so a restart
 * keeps the data. No transactions, no {@code $text}: the services are written for that.
 */
public final class MongoStore {

    private final String host;
    private final int port;
    private final Path file;
    private MongoServer server;

    public MongoStore(String host, int port, Path file) {
        this.host = host;
        this.port = port;
        this.file = file;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        H2Backend backend = new H2Backend(file.toAbsolutePath().toString());
        MongoServer mongoServer = new MongoServer(backend);
        try {
            mongoServer.bind(host, port);
        } catch (RuntimeException e) {
            mongoServer.shutdownNow();
            throw e;
        }
        server = mongoServer;
    }

    /** Stops listening and closes the H2 store, which writes everything pending to the file. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
        } finally {
            server = null;
        }
    }

    /** {@code mongodb://host:port/database} */
    public String uri(String database) {
        return "mongodb://" + host + ":" + port + "/" + database;
    }
}
