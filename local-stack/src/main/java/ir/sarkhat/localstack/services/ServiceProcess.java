package ir.sarkhat.localstack.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running child JVM whose stdout and stderr go to one log file. */
final class ServiceProcess {

    private static final long MAX_LOG_BYTES = 10L * 1024 * 1024;

    private final ServiceSpec spec;
    private final Path logFile;
    private final Process process;

    private ServiceProcess(ServiceSpec spec, Path logFile, Process process) {
        this.spec = spec;
        this.logFile = logFile;
        this.process = process;
    }

    static ServiceProcess launch(ServiceSpec spec, Path javaBinary, List<String> jvmOptions, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(spec.jar().toString());
        command.addAll(spec.args());
        startLog(logFile, spec);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        spec.env().forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            return new ServiceProcess(spec, logFile, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + spec.name() + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /**
     * Logs are appended, one header line per start, so a restart keeps the previous run's lines; a log over
     * 10 MB is moved to {@code <name>.log.1} first.
     */
    private static void startLog(Path logFile, ServiceSpec spec) {
        try {
            if (Files.exists(logFile) && Files.size(logFile) > MAX_LOG_BYTES) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(logFile, System.lineSeparator() + "==== local-stack: starting " + spec.name() + " on port "
                    + spec.port() + " at " + Instant.now() + " ====" + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + logFile + ": " + e.getMessage(), e);
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    String name() {
        return spec.name();
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    Process process() {
        return process;
    }

    /** Asks the JVM to stop (SIGTERM: Spring closes gracefully); {@link #awaitOrKill} finishes the job. */
    void requestStop() {
        process.destroy();
    }

    void awaitOrKill(long timeoutMillis) {
        try {
            if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
