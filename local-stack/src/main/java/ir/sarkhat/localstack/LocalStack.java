package ir.sarkhat.localstack;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack/target/local-stack.jar}: starts the whole platform on this machine, prints
 * where it is and how to log in, and runs until Ctrl-C. Environment: {@code SARKHAT_DATA_DIR} (default
 * {@code .sarkhat}), {@code SARKHAT_JAVA_OPTS} (the services' JVM options), {@code SARKHAT_ADMIN_USER},
 * {@code SARKHAT_ADMIN_PASSWORD}.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        StackConfig config = StackConfig.fromEnvironment(System.getenv()).progress(System.out::println).build();
        // Before anything creates a logger: Kafka's and the store's own logs go to <data>/logs/stack.log.
        System.setProperty("sarkhat.logs.dir", config.logsDir().toString());

        System.out.println("Sarkhat local stack: data in " + config.dataDir());
        Stack stack = new Stack(config);
        try {
            stack.start();
        } catch (StackException e) {
            System.err.println();
            System.err.println("Sarkhat did not start: " + e.getMessage());
            System.exit(1);
        }
        Duration sinceLaunch = Duration.ofMillis(System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime());
        System.out.println(Summary.of(stack, sinceLaunch));
        new CountDownLatch(1).await(); // Ctrl-C runs the stack's shutdown hook
    }
}
