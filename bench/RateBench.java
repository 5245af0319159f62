import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency the gateway adds at a fixed request rate below both capacities: open loop, coordinated-omission aware
 * (like wrk2). Request i of a run is scheduled at start + i / rate; its latency is measured from that scheduled
 * time, not from when a connection was free to send it, so a stall counts for every request it delays.
 * <p>
 * A pool of keep-alive HTTP/1.1 connections (one thread each, ReadBench's raw-socket {@code Connection}, loopback
 * only) takes the schedule's requests in order: a thread takes the next ticket, sleeps until its time, sends it and
 * reads the whole answer. When every connection is busy the next request waits, and that wait is latency.
 * <p>
 * After a warm-up, for each rate level, rounds of: the article JSON direct and through the gateway, then the article
 * page direct and through the gateway (which is first alternates by round), each for a fixed time at the same rate.
 * Prints per run and, per target and rate, the medians of the rounds: achieved rate, p50, p90, p99, p99.9, max
 * (the largest of the rounds), errors, and the generator's own lag (send time − scheduled time, p99), then the
 * latency added by the gateway (gateway − direct, per round, median of the rounds) at p50 and p99.
 *
 * javac -d DIR bench/ReadBench.java bench/RateBench.java
 * java -cp DIR RateBench GATEWAY_URL DIRECT_URL SLUG [jsonRates] [pageRates] [warmupS] [seconds] [rounds] [connections]
 * (defaults: 500,1000,2000  200,400,800  30  8  3  64; bench/gateway-latency.sh does all of it)
 */
public class RateBench {

    record Target(String name, URI uri) {
    }

    /** One run at a fixed rate: latencies from the scheduled send time, sorted, in ns. */
    record Run(double offered, double achieved, long[] sorted, long errors, double lagP99Ms, String load) {
        double p(double q) {
            return ReadBench.percentile(sorted, q);
        }

        double max() {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1_000_000.0;
        }
    }

    static final double[] QUANTILES = {0.50, 0.90, 0.99, 0.999};

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String direct = args[1];
        String slug = args[2];
        double[] jsonRates = rates(args.length > 3 ? args[3] : "500,1000,2000");
        double[] pageRates = rates(args.length > 4 ? args[4] : "200,400,800");
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        int seconds = args.length > 6 ? Integer.parseInt(args[6]) : 8;
        int rounds = args.length > 7 ? Integer.parseInt(args[7]) : 3;
        int connections = args.length > 8 ? Integer.parseInt(args[8]) : 64;
        if (jsonRates.length != pageRates.length) {
            throw new IllegalArgumentException("as many page rates as JSON rates");
        }
        // Per kind: direct first, then through the gateway.
        Map<String, Target[]> kinds = new LinkedHashMap<>();
        kinds.put("json", new Target[] {target("json direct", direct + "/api/articles/" + slug),
                target("json via gateway", gateway + "/api/articles/" + slug)});
        kinds.put("page", new Target[] {target("page direct", direct + "/articles/" + slug),
                target("page via gateway", gateway + "/articles/" + slug)});
        System.out.printf("open loop: json rates %s, page rates %s, warm-up %ds, %ds per target and round, %d rounds, "
                + "%d connections, cores=%d%n", Arrays.toString(jsonRates), Arrays.toString(pageRates), warmup,
                seconds, rounds, connections, Runtime.getRuntime().availableProcessors());
        // Warm-up at the highest rate: each gateway target for the whole time, each direct one a third of it.
        for (var kind : kinds.entrySet()) {
            double rate = (kind.getKey().equals("json") ? jsonRates : pageRates)[jsonRates.length - 1];
            for (Target t : kind.getValue()) {
                Run r = run(t.uri(), rate, t.name().contains("gateway") ? warmup : Math.max(1, warmup / 3), connections,
                        true);
                System.out.printf("warm-up   %-17s %s%n", t.name(), line(r));
            }
        }
        List<String> table = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (int level = 0; level < jsonRates.length; level++) {
            Map<String, List<Run>> runs = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (var kind : kinds.entrySet()) {
                    double rate = (kind.getKey().equals("json") ? jsonRates : pageRates)[level];
                    Target[] pair = kind.getValue();
                    Target[] order = round % 2 == 1 ? pair : new Target[] {pair[1], pair[0]};
                    for (Target t : order) {
                        Thread.sleep(1000); // let asynchronous work of the previous run (page views) settle
                        Run r = run(t.uri(), rate, seconds, connections, false);
                        runs.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(r);
                        System.out.printf("round %d   %-17s %s%n", round, t.name(), line(r));
                    }
                }
            }
            for (var kind : kinds.entrySet()) {
                List<Run> dir = runs.get(kind.getValue()[0].name());
                List<Run> via = runs.get(kind.getValue()[1].name());
                for (Target t : kind.getValue()) {
                    table.add(row(t.name(), runs.get(t.name())));
                }
                double[] addedP50 = new double[rounds];
                double[] addedP99 = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    addedP50[i] = via.get(i).p(0.50) - dir.get(i).p(0.50);
                    addedP99[i] = via.get(i).p(0.99) - dir.get(i).p(0.99);
                }
                added.add(String.format("| %s | %.0f | %s | **%.2f** | %s | **%.2f** |", kind.getKey(),
                        dir.get(0).offered(), list(addedP50), ReadBench.median(addedP50), list(addedP99),
                        ReadBench.median(addedP99)));
            }
        }
        System.out.println("\nmedians of " + rounds + " rounds (ms; max = largest of the rounds; lag = generator's"
                + " send delay p99):");
        System.out.println("| target | offered req/s | achieved req/s | p50 | p90 | p99 | p99.9 | max | errors | lag p99 |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        table.forEach(System.out::println);
        System.out.println("\nadded by the gateway (gateway − direct, ms, per round and median of the rounds):");
        System.out.println("| read | req/s | p50 added per round | p50 added | p99 added per round | p99 added |");
        System.out.println("|---|---:|---|---:|---|---:|");
        added.forEach(System.out::println);
    }

    static Target target(String name, String url) {
        URI uri = URI.create(url);
        if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + uri);
        }
        return new Target(name, uri);
    }

    static double[] rates(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    static String row(String name, List<Run> runs) {
        StringBuilder sb = new StringBuilder(String.format("| %s | %.0f | %.0f", name, runs.get(0).offered(),
                ReadBench.median(runs.stream().mapToDouble(Run::achieved).toArray())));
        for (double q : QUANTILES) {
            sb.append(String.format(" | %.2f", ReadBench.median(runs.stream().mapToDouble(r -> r.p(q)).toArray())));
        }
        return sb.append(String.format(" | %.1f | %d | %.2f |", runs.stream().mapToDouble(Run::max).max().orElseThrow(),
                runs.stream().mapToLong(Run::errors).sum(),
                ReadBench.median(runs.stream().mapToDouble(Run::lagP99Ms).toArray()))).toString();
    }

    static String line(Run r) {
        return String.format("%5.0f/%5.0f req/s  p50 %6.2f  p90 %6.2f  p99 %7.2f  p99.9 %7.2f  max %7.1f ms  "
                + "errors %d  lag p99 %.2f ms  load %s", r.achieved(), r.offered(), r.p(0.50), r.p(0.90), r.p(0.99),
                r.p(0.999), r.max(), r.errors(), r.lagP99Ms(), r.load());
    }

    static String list(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format("%.2f", v));
        }
        return sb.toString();
    }

    /**
     * Sends rate × seconds requests on the fixed schedule and waits for the last answer. A warm-up stops sending
     * at its end time even if behind schedule (a cold JVM can fall far behind); a measured run never skips one.
     */
    static Run run(URI uri, double rate, int seconds, int connections, boolean warmup) throws Exception {
        long total = Math.round(rate * seconds);
        double intervalNanos = 1e9 / rate;
        AtomicLong tickets = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        ReadBench.Connection[] pool = new ReadBench.Connection[connections];
        for (int i = 0; i < connections; i++) {
            pool[i] = new ReadBench.Connection(uri); // connected before the clock starts
        }
        long[][] latencies = new long[connections][];
        long[][] lags = new long[connections][];
        int[] counts = new int[connections];
        long start = System.nanoTime() + 10_000_000L;
        long stopSending = warmup ? start + seconds * 1_000_000_000L : Long.MAX_VALUE;
        Thread[] threads = new Thread[connections];
        for (int c = 0; c < connections; c++) {
            int slot = c;
            threads[c] = new Thread(() -> {
                ReadBench.Connection connection = pool[slot];
                long[] latency = new long[1024];
                long[] lag = new long[1024];
                int n = 0;
                for (long i = tickets.getAndIncrement(); i < total && System.nanoTime() < stopSending;
                        i = tickets.getAndIncrement()) {
                    long scheduled = start + (long) (i * intervalNanos);
                    for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    long sent = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new ReadBench.Connection(uri);
                        }
                        if (connection.get() != 200) {
                            errors.incrementAndGet();
                        }
                        if (connection.closeRequested) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        if (connection != null) {
                            connection.close();
                        }
                        connection = null;
                        continue;
                    }
                    long done = System.nanoTime();
                    lastDone.accumulateAndGet(done, Math::max);
                    if (n == latency.length) {
                        latency = Arrays.copyOf(latency, n * 2);
                        lag = Arrays.copyOf(lag, n * 2);
                    }
                    latency[n] = done - scheduled;
                    lag[n++] = sent - scheduled;
                }
                if (connection != null) {
                    connection.close();
                }
                latencies[slot] = latency;
                lags[slot] = lag;
                counts[slot] = n;
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = merge(latencies, counts);
        long[] allLags = merge(lags, counts);
        double elapsed = (lastDone.get() - start) / 1e9;
        return new Run(rate, all.length / Math.max(elapsed, 1e-9), all, errors.get(),
                ReadBench.percentile(allLags, 0.99), Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    static long[] merge(long[][] parts, int[] counts) {
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            System.arraycopy(parts[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return all;
    }
}
