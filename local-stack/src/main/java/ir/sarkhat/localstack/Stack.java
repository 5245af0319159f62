package ir.sarkhat.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import ir.sarkhat.localstack.kafka.KafkaBroker;
import ir.sarkhat.localstack.mongo.MongoStore;
import ir.sarkhat.localstack.services.ServiceFleet;
import ir.sarkhat.localstack.services.ServiceSpec;
import ir.sarkhat.localstack.services.ServiceStartException;

/**
 * The whole platform on one machine: MongoDB-protocol store and Kafka in this JVM, the four services as child
 * JVMs. {@link #start()} returns once every service is healthy; {@link #stop()} (or the JVM's shutdown) stops
 * services, then Kafka, then the store. Usable from tests: see {@link StackConfig.Builder#freePorts()}.
 */
public final class Stack implements AutoCloseable {

    private final StackConfig config;
    private final MongoStore mongo;
    private final KafkaBroker kafka;
    private final ServiceFleet fleet;
    private final Thread shutdownHook = new Thread(this::stop, "sarkhat-stack-shutdown");
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, ServiceSpec> stoppedServices = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile AdminAccount admin;
    private volatile Duration startupTime;

    public Stack(StackConfig config) {
        this.config = config;
        this.mongo = new MongoStore(config.host(), config.mongoPort(), config.mongoFile());
        this.kafka = new KafkaBroker(config.host(), config.kafkaPort(), config.kafkaControllerPort(), config.kafkaDir());
        List<String> jvmOptions = new ArrayList<>();
        jvmOptions.add("-Dfile.encoding=UTF-8");
        jvmOptions.addAll(config.javaOpts());
        this.fleet = new ServiceFleet(ServiceFleet.currentJava(), jvmOptions, config.host(), config.logsDir(), config.progress());
    }

    /** Starts everything and waits until all four services answer 200 UP; on failure stops what started. */
    public Stack start() {
        if (running.get()) {
            return this;
        }
        long started = System.nanoTime();
        Map<String, Path> jars = ExecJars.require(config.repoRoot(), ServicePlan.MODULES);
        Ports.requireFree(config.host(), portsByUse());
        prepareFolders();
        admin = AdminAccount.decide(config.adminUser(), config.adminPassword(), adminMarker());
        if (!running.compareAndSet(false, true)) {
            return this;
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            startStep("MongoDB-protocol store (" + config.mongoFile().getFileName() + ") on port " + config.mongoPort(), mongo::start);
            startStep("Kafka broker on port " + config.kafkaPort(), kafka::start);
            config.progress().accept("Starting " + String.join(", ", ServicePlan.MODULES) + " ...");
            fleet.start(ServicePlan.specs(config, jars, admin.gatewayEnv(),
                    BeaconSecret.resolve(System.getenv(), config.dataDir())), config.healthTimeout());
            admin.markInitialized(adminMarker());
        } catch (ServiceStartException e) {
            stop();
            throw new StackException(e.getMessage(), e);
        } catch (StackException e) {
            stop();
            throw e;
        } catch (RuntimeException e) {
            stop();
            throw new StackException("The stack did not start: " + e, e);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - started);
        return this;
    }

    /** Simulates a broker outage: services keep running, their producers and consumers wait. */
    public void stopKafka() {
        config.progress().accept("Stopping Kafka ...");
        kafka.stop();
    }

    /** Brings the broker back on the same ports with the same data. */
    public void startKafka() {
        step("Kafka broker on port " + config.kafkaPort(), kafka::start);
    }

    /** Simulates an outage of one service ({@code comment-service}, …): the others keep running. */
    public void stopService(String name) {
        stoppedServices.put(name, fleet.stopOne(name));
    }

    /** Brings a service stopped by {@link #stopService} back on its port and waits until it is healthy. */
    public void startService(String name) {
        ServiceSpec spec = stoppedServices.remove(name);
        if (spec == null) {
            throw new IllegalArgumentException(name + " was not stopped by stopService");
        }
        config.progress().accept("Starting " + name + " again ...");
        fleet.startOne(spec, config.healthTimeout());
    }

    /** Stops the services (gently, then forcibly), then Kafka, then the store. Safe to call twice. */
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        config.progress().accept("Stopping the services ...");
        quietly(fleet::stop);
        config.progress().accept("Stopping Kafka ...");
        quietly(kafka::stop);
        config.progress().accept("Stopping the MongoDB-protocol store ...");
        quietly(mongo::stop);
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook is this call's caller or will find nothing to do
            }
        }
        config.progress().accept("Stopped.");
    }

    @Override
    public void close() {
        stop();
    }

    public StackConfig config() {
        return config;
    }

    /** e.g. {@code http://127.0.0.1:8080} */
    public URI gatewayUrl() {
        return URI.create(ServicePlan.url(config, config.gatewayPort()));
    }

    public String adminUser() {
        return admin == null ? AdminAccount.DEFAULT_USER : admin.user();
    }

    /** The admin password when it was given or generated at this start; empty when the admin already existed. */
    public Optional<String> adminPassword() {
        return admin == null ? Optional.empty() : Optional.ofNullable(admin.password());
    }

    /** How long {@link #start()} took, from its call until every service was healthy. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Process ids of the service JVMs (for measuring, e.g. {@code ps -o rss}). */
    public List<Long> servicePids() {
        return fleet.pids();
    }

    String adminSummaryLine() {
        return admin.summaryLine();
    }

    private Path adminMarker() {
        return config.storeDir().resolve("admin-initialized");
    }

    private Map<String, Integer> portsByUse() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", config.kafkaPort());
        ports.put("Kafka controller", config.kafkaControllerPort());
        ports.put("MongoDB-protocol store", config.mongoPort());
        ports.put(ServicePlan.GATEWAY, config.gatewayPort());
        ports.put(ServicePlan.ARTICLES, config.articlePort());
        ports.put(ServicePlan.COMMENTS, config.commentPort());
        ports.put(ServicePlan.ANALYTICS, config.analyticsPort());
        return ports;
    }

    private void prepareFolders() {
        try {
            Files.createDirectories(config.storeDir());
            Files.createDirectories(config.logsDir());
        } catch (IOException e) {
            throw new StackException("Cannot create the data folder " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private void startStep(String what, Runnable action) {
        if (!running.get()) {
            throw new StackException("Stopped while starting.");
        }
        step(what, action);
    }

    private void step(String what, Runnable action) {
        long started = System.nanoTime();
        action.run();
        config.progress().accept(String.format("  %s up (%.1f s)", what, (System.nanoTime() - started) / 1e9));
    }

    private void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            config.progress().accept("  (while stopping: " + e + ")");
        }
    }
}
