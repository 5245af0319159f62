package ir.sarkhat.localstack.services;

import java.nio.file.Path;

/** A service died or did not become healthy in time; carries its name and log file. */
public final class ServiceStartException extends RuntimeException {

    private final String service;
    private final Path logFile;

    ServiceStartException(String service, Path logFile, String message) {
        super(message);
        this.service = service;
        this.logFile = logFile;
    }

    public String service() {
        return service;
    }

    public Path logFile() {
        return logFile;
    }
}
