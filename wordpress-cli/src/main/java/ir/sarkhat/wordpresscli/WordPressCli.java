package ir.sarkhat.wordpresscli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code java -jar wordpress-cli/target/wordpress-cli-exec.jar import site.wordpress.xml} (or
 * {@code export out.xml}). Options: {@code --url} (default http://localhost:8080), {@code --user}
 * (default admin); the password comes from {@code SARKHAT_ADMIN_PASSWORD} or is asked for.
 * Exit code 0 when the job is DONE, 1 when it failed or stopped, 2 for a usage mistake.
 */
public final class WordPressCli {

    static final String USAGE = """
            usage: wordpress-cli [--url http://localhost:8080] [--user admin] import <export.xml>
                   wordpress-cli [--url http://localhost:8080] [--user admin] export <out.xml>
            The password is read from SARKHAT_ADMIN_PASSWORD, else asked for.""";
    private static final int MAX_RESUMES = 20;

    private final PrintStream out;
    private final long pollMillis;

    WordPressCli(PrintStream out, long pollMillis) {
        this.out = out;
        this.pollMillis = pollMillis;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("SARKHAT_ADMIN_PASSWORD"), System.out));
    }

    /** The command without exiting the JVM: for the end-to-end test. @return the exit code */
    public static int run(String[] args, String password, PrintStream out) {
        return new WordPressCli(out, 1000).run(args, password);
    }

    int run(String[] args, String passwordFromEnvironment) {
        String url = "http://localhost:8080";
        String user = "admin";
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = i + 1 < args.length ? args[++i] : url;
                case "--user" -> user = i + 1 < args.length ? args[++i] : user;
                default -> rest.add(args[i]);
            }
        }
        if (rest.size() != 2 || !List.of("import", "export").contains(rest.get(0))) {
            System.err.println(USAGE);
            return 2;
        }
        String password = passwordFromEnvironment;
        if (password == null || password.isEmpty()) {
            if (System.console() == null) {
                System.err.println("Set SARKHAT_ADMIN_PASSWORD (no terminal to ask for the password).");
                return 2;
            }
            password = new String(System.console().readPassword("Password for %s: ", user));
        }
        Gateway gateway = new Gateway(url, user, password);
        try {
            gateway.login();
            return "import".equals(rest.get(0)) ? importFile(gateway, Path.of(rest.get(1)))
                    : exportTo(gateway, Path.of(rest.get(1)));
        } catch (CliException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            System.err.println("Cannot reach " + url + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int importFile(Gateway gateway, Path file) throws java.io.IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            System.err.println("No such file: " + file);
            return 2;
        }
        out.printf("Uploading %s (%d bytes)…%n", file, Files.size(file));
        JsonNode job = gateway.upload(file);
        String id = job.get("id").asString();
        out.println("Import job " + id + " started.");
        for (int resumes = 0; ; ) {
            job = follow(gateway, id);
            if (!"INTERRUPTED".equals(job.get("status").asString()) || resumes++ >= MAX_RESUMES) {
                break;
            }
            // Usually the token ran out during a long import: sign in again and go on where it stopped.
            out.println("Stopped: " + job.get("error").asString() + " Resuming…");
            gateway.login();
            gateway.resume(id);
        }
        out.print(JobReport.summary(job));
        return "DONE".equals(job.get("status").asString()) ? 0 : 1;
    }

    private JsonNode follow(Gateway gateway, String id) throws java.io.IOException, InterruptedException {
        String last = "";
        while (true) {
            JsonNode job;
            try {
                job = gateway.job(id);
            } catch (CliException expired) {
                gateway.login();
                job = gateway.job(id);
            }
            String line = JobReport.progress(job);
            if (!line.equals(last)) {
                out.println(line);
                last = line;
            }
            if (!"RUNNING".equals(job.get("status").asString())) {
                return job;
            }
            Thread.sleep(pollMillis);
        }
    }

    private int exportTo(Gateway gateway, Path file) throws java.io.IOException, InterruptedException {
        long bytes = gateway.export(file);
        out.printf("Exported %d bytes to %s%n", bytes, file);
        return 0;
    }
}
