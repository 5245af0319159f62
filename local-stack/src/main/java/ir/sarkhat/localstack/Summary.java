package ir.sarkhat.localstack;

import java.time.Duration;

/** The few lines the launcher prints once everything is up. */
final class Summary {

    private Summary() {
    }

    static String of(Stack stack, Duration sinceLaunch) {
        StackConfig config = stack.config();
        String nl = System.lineSeparator();
        return nl
                + "Sarkhat is ready in " + String.format("%.1f s", sinceLaunch.toMillis() / 1000.0) + nl
                + "  Open   http://localhost:" + config.gatewayPort() + nl
                + "  Admin  " + stack.adminSummaryLine() + nl
                + "  Logs   " + config.logsDir() + nl
                + "  Data   " + config.storeDir() + nl
                + "Ctrl-C to stop." + nl;
    }
}
