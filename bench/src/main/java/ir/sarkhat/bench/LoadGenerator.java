package ir.sarkhat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * Closed-loop load: a fixed number of workers, each sending the next request as soon as the last one
 * answered, until a request count or a time limit is reached. Loopback only.
 */
final class LoadGenerator {

    record Result(String label, int concurrency, long requests, double seconds, Latencies latencies,
            Map<Integer, Long> statuses, long failures) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return "%-8s c=%d  %,d req in %.1f s  %,.0f req/s  p50 %.2f ms  p99 %.2f ms  statuses %s%s".formatted(label,
                    concurrency, requests, seconds, requestsPerSecond(), latencies.percentileMillis(50),
                    latencies.percentileMillis(99), statuses, failures == 0 ? "" : "  failures " + failures);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** {@code body} gets a unique sequence number per request (no two comments are duplicates). */
    Result run(String label, URI uri, LongFunction<String> body, int concurrency, long maxRequests, Duration maxTime)
            throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        LongAdder failures = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        long deadline = System.nanoTime() + maxTime.toNanos();
        Thread[] workers = new Thread[concurrency];
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers[w] = new Thread(() -> {
                Latencies mine = new Latencies();
                long n;
                while ((n = sequence.getAndIncrement()) < maxRequests && System.nanoTime() < deadline) {
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.apply(n), StandardCharsets.UTF_8)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        mine.add(System.nanoTime() - t0);
                        statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                    } catch (Exception e) {
                        failures.increment();
                    }
                }
                latencies.addAll(mine);
            }, "load-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.sum()));
        return new Result(label, concurrency, latencies.count(), seconds, latencies, counted, failures.sum());
    }
}
