package ir.sarkhat.localstack.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Starts services as child JVMs all at once, waits until every one is healthy, and stops them: SIGTERM to
 * all, wait, then kill whatever is left. Logs go to {@code <logsDir>/<name>.log}, appended.
 */
public final class ServiceFleet {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Path javaBinary;
    private final List<String> jvmOptions;
    private final Path logsDir;
    private final HealthProbe probe;
    private final Consumer<String> progress;
    private final List<ServiceProcess> running = new CopyOnWriteArrayList<>();
    private final Set<String> stoppedOnPurpose = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public ServiceFleet(Path javaBinary, List<String> jvmOptions, String host, Path logsDir, Consumer<String> progress) {
        this.javaBinary = javaBinary;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logsDir = logsDir;
        this.probe = new HealthProbe(host);
        this.progress = progress;
    }

    /** The {@code java} that runs this JVM, so the children run on the same JDK. */
    public static Path currentJava() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /**
     * Launches every service, then waits until all are healthy. On failure (a service exits, or the timeout
     * passes) it throws {@link ServiceStartException} with the last 40 lines of that service's log; the
     * caller stops the fleet. A {@link #stop()} from another thread (Ctrl-C) ends the wait the same way.
     */
    public void start(List<ServiceSpec> specs, Duration timeout) {
        stopping = false;
        try {
            Files.createDirectories(logsDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + logsDir + ": " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        for (ServiceSpec spec : specs) {
            if (stopping) {
                throw new ServiceStartException(spec.name(), null, "Stopped while starting");
            }
            ServiceProcess process = ServiceProcess.launch(spec, javaBinary, jvmOptions, logsDir.resolve(spec.name() + ".log"));
            running.add(process);
            watchExit(spec, process);
        }
        awaitHealthy(started, timeout, running);
    }

    private void awaitHealthy(long started, Duration timeout, List<ServiceProcess> processes) {
        long deadline = started + timeout.toNanos();
        Set<ServiceProcess> waiting = new LinkedHashSet<>(processes);
        while (!waiting.isEmpty()) {
            if (stopping) {
                throw new ServiceStartException(waiting.iterator().next().name(), null, "Stopped while starting");
            }
            for (ServiceProcess process : List.copyOf(waiting)) {
                if (!process.isAlive()) {
                    throw failure(process, process.name() + " exited with code " + process.exitValue() + " while starting");
                }
                if (probe.isUp(process.spec().port())) {
                    waiting.remove(process);
                    progress.accept(String.format("  %-18s up on port %d (%.1f s)", process.name(),
                            process.spec().port(), (System.nanoTime() - started) / 1e9));
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                ServiceProcess first = waiting.iterator().next();
                throw failure(first, first.name() + " was not healthy (GET :" + first.spec().port()
                        + "/readyz -> 200 UP) within " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    private static ServiceStartException failure(ServiceProcess process, String what) {
        String message = what + ". Last 40 lines of " + process.logFile() + ":" + System.lineSeparator()
                + LogTail.of(process.logFile(), 40);
        return new ServiceStartException(process.name(), process.logFile(), message);
    }

    /** SIGTERM to every child, wait up to 20 s for them together, then kill what is left. Idempotent. */
    public void stop() {
        stopping = true;
        List<ServiceProcess> toStop = List.copyOf(running);
        toStop.forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ServiceProcess process : toStop) {
            process.awaitOrKill(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        running.removeAll(toStop);
    }

    /**
     * Stops one service the way {@link #stop()} stops all (an outage of that service alone) and answers its spec, so
     * {@link #startOne} can bring it back.
     */
    public ServiceSpec stopOne(String name) {
        ServiceProcess process = running.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No running service named " + name));
        progress.accept("Stopping " + name + " ...");
        stoppedOnPurpose.add(name);
        process.requestStop();
        process.awaitOrKill(STOP_GRACE.toMillis());
        running.remove(process);
        return process.spec();
    }

    /** Launches one service again (same port, same log file, appended) and waits until it is healthy. */
    public void startOne(ServiceSpec spec, Duration timeout) {
        stoppedOnPurpose.remove(spec.name());
        ServiceProcess process = ServiceProcess.launch(spec, javaBinary, jvmOptions, logsDir.resolve(spec.name() + ".log"));
        running.add(process);
        watchExit(spec, process);
        awaitHealthy(System.nanoTime(), timeout, List.of(process));
    }

    private void watchExit(ServiceSpec spec, ServiceProcess process) {
        process.process().onExit().thenAccept(p -> {
            if (!stopping && !stoppedOnPurpose.contains(spec.name())) {
                progress.accept("! " + spec.name() + " exited with code " + p.exitValue()
                        + " - see " + logsDir.resolve(spec.name() + ".log"));
            }
        });
    }

    public List<Long> pids() {
        return running.stream().map(ServiceProcess::pid).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for services", e);
        }
    }
}
