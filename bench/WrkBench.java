import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gateway pass-through cost, measured with wrk (HTTP/1.1 keep-alive, loopback) in one run: the article page and the
 * small article JSON, through the gateway and straight to article-service, round after round, plus the CPU time each
 * listed server process spent per request (utime + stime from /proc/PID/stat, before each wrk run and after it, once
 * the processes have gone quiet again, so asynchronous work a request causes is counted too). The CPU
 * figure is the noise-robust one on a shared machine: other processes slow a server down but do not make it spend
 * more CPU per request.
 *
 * java bench/WrkBench.java GATEWAY_URL DIRECT_URL SLUG [connections] [warmupSeconds] [seconds] [rounds]
 *
 * Processes whose CPU is counted: the ones listening on the gateway's and the direct URL's ports, and any
 * {@code name=port} pairs in BENCH_CPU (e.g. {@code analytics=8083,kafka+store=9092}). WRK_THREADS (2) sets wrk -t.
 */
public class WrkBench {

    record Target(String name, URI uri) {
    }

    record Proc(String name, long pid) {
    }

    /** One wrk run: req/s, p50/p99 in ms, errors (socket errors + non-2xx/3xx), CPU µs per request per process. */
    record Result(double rps, double p50, double p99, long errors, long requests, double[] cpuMicros) {
    }

    private static final long TICK_MICROS = 10_000; // USER_HZ is 100 on Linux

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String direct = args[1];
        String slug = args[2];
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        List<Target> targets = List.of(
                new Target("page via gateway", URI.create(gateway + "/articles/" + slug)),
                new Target("page direct     ", URI.create(direct + "/articles/" + slug)),
                new Target("json via gateway", URI.create(gateway + "/api/articles/" + slug)),
                new Target("json direct     ", URI.create(direct + "/api/articles/" + slug)));
        for (Target t : targets) {
            if (!t.uri().getHost().equals("127.0.0.1") && !t.uri().getHost().equals("localhost")) {
                throw new IllegalArgumentException("loopback only: " + t.uri());
            }
        }
        List<Proc> procs = new ArrayList<>();
        procs.add(new Proc("gateway", pidListeningOn(URI.create(gateway).getPort())));
        procs.add(new Proc("backend", pidListeningOn(URI.create(direct).getPort())));
        for (String pair : System.getenv().getOrDefault("BENCH_CPU", "").split(",")) {
            if (pair.contains("=")) {
                String[] kv = pair.split("=", 2);
                procs.add(new Proc(kv[0].strip(), pidListeningOn(Integer.parseInt(kv[1].strip()))));
            }
        }
        System.out.printf("wrk connections=%d threads=%s warmup=%ds per-target=%ds rounds=%d cores=%d%n", connections,
                threads(), warmup, seconds, rounds, Runtime.getRuntime().availableProcessors());
        System.out.println("CPU counted for " + procs);
        for (Target t : targets) {
            wrk(t, connections, t.name().contains("gateway") ? warmup : Math.max(1, warmup / 3), procs);
        }
        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Target t : targets) {
                Result r = wrk(t, connections, seconds, procs);
                results.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(r);
                System.out.printf("round %d  %s  %s   load %s%n", round, t.name(), line(r, procs), loadAverage());
            }
        }
        System.out.println("\nmedian of " + rounds + " rounds (CPU in µs of CPU time per request, per process):");
        List<Result> medians = new ArrayList<>();
        results.forEach((name, list) -> {
            double[] cpu = new double[procs.size()];
            for (int i = 0; i < cpu.length; i++) {
                final int p = i;
                cpu[i] = median(list.stream().mapToDouble(r -> r.cpuMicros()[p]).toArray());
            }
            Result m = new Result(median(list.stream().mapToDouble(Result::rps).toArray()),
                    median(list.stream().mapToDouble(Result::p50).toArray()),
                    median(list.stream().mapToDouble(Result::p99).toArray()),
                    list.stream().mapToLong(Result::errors).sum(), list.stream().mapToLong(Result::requests).sum(), cpu);
            medians.add(m);
            System.out.printf("  %s  %s%n", name, line(m, procs));
        });
        for (int i = 0; i < 2; i++) {
            Result via = medians.get(2 * i);
            Result dir = medians.get(2 * i + 1);
            System.out.printf("%s: through gateway / direct %.2f×, p99 added %.2f ms, gateway CPU %.0f µs per request%n",
                    i == 0 ? "page" : "json", via.rps() / dir.rps(), via.p99() - dir.p99(), via.cpuMicros()[0]);
        }
    }

    static String line(Result r, List<Proc> procs) {
        StringBuilder cpu = new StringBuilder();
        for (int i = 0; i < procs.size(); i++) {
            cpu.append(String.format("  %s %5.0f", procs.get(i).name(), r.cpuMicros()[i]));
        }
        return String.format("%8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  errors %d  cpu µs/req:%s", r.rps(), r.p50(),
                r.p99(), r.errors(), cpu);
    }

    static Result wrk(Target t, int connections, int seconds, List<Proc> procs) throws Exception {
        long[] before = cpuTicks(procs);
        Process wrk = new ProcessBuilder("wrk", "-t" + threads(), "-c" + connections, "-d" + seconds + "s", "--latency",
                t.uri().toString()).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        long[] after = settled(procs);
        long requests = Long.parseLong(find(out, "(\\d+) requests in"));
        long errors = 0;
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        double[] cpu = new double[procs.size()];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = requests == 0 ? 0 : (after[i] - before[i]) * (double) TICK_MICROS / requests;
        }
        return new Result(Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)")),
                millis(find(out, "\\s50%\\s+([\\d.]+[mu]?s)")), millis(find(out, "\\s99%\\s+([\\d.]+[mu]?s)")), errors,
                requests, cpu);
    }

    /**
     * Waits (up to 30 s) until the counted processes are nearly idle — below 15 % of a core together — and returns
     * their CPU ticks then: the work a run leaves behind (page views still going through Kafka, analytics and back)
     * is charged to that run, not to the next one.
     */
    static long[] settled(List<Proc> procs) throws Exception {
        long[] last = cpuTicks(procs);
        for (int i = 0; i < 30; i++) {
            Thread.sleep(1000);
            long[] now = cpuTicks(procs);
            long busy = 0;
            for (int p = 0; p < now.length; p++) {
                busy += now[p] - last[p];
            }
            last = now;
            if (busy < 15) {
                break;
            }
        }
        return last;
    }

    static String threads() {
        return System.getenv().getOrDefault("WRK_THREADS", "2");
    }

    static double millis(String duration) {
        if (duration.endsWith("us")) {
            return Double.parseDouble(duration.replace("us", "")) / 1000;
        }
        if (duration.endsWith("ms")) {
            return Double.parseDouble(duration.replace("ms", ""));
        }
        return Double.parseDouble(duration.replace("s", "")) * 1000;
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk output:\n" + text);
        }
        return m.group(1);
    }

    /** utime + stime of each process, in clock ticks (fields 14 and 15 of /proc/PID/stat, after the command name). */
    static long[] cpuTicks(List<Proc> procs) throws IOException {
        long[] ticks = new long[procs.size()];
        for (int i = 0; i < ticks.length; i++) {
            String stat = Files.readString(Path.of("/proc/" + procs.get(i).pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks[i] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks;
    }

    static long pidListeningOn(int port) throws Exception {
        Process ss = new ProcessBuilder("ss", "-ltnpH", "sport = :" + port).redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor();
        Matcher m = Pattern.compile("pid=(\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no process listens on port " + port + ": " + out);
        }
        return Long.parseLong(m.group(1));
    }

    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
