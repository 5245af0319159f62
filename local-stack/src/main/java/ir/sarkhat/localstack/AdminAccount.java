package ir.sarkhat.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who the first administrator is and what the gateway is told about it. A password given by the user is
 * passed through; with none given, the first start generates one (shown once); later starts pass nothing, and
 * the gateway keeps the account it already has. "First start" means the marker file is missing: it is
 * written only once the stack was healthy, so a failed first start generates a new password next time. The
 * marker holds the admin's username, so later starts name the same account (the gateway would otherwise
 * create a default {@code admin} with a password of its own).
 */
record AdminAccount(String user, String password, Origin origin) {

    static final String DEFAULT_USER = "admin";
    static final String USER_ENV = "SARKHAT_ADMIN_USER";
    static final String PASSWORD_ENV = "SARKHAT_ADMIN_PASSWORD";

    enum Origin { GIVEN, GENERATED, EXISTING }

    static AdminAccount decide(String user, String password, Path marker) {
        boolean named = user != null && !user.isBlank();
        String name = named ? user.strip() : DEFAULT_USER;
        if (password != null && !password.isEmpty()) {
            return new AdminAccount(name, password, Origin.GIVEN);
        }
        if (!Files.exists(marker)) {
            return new AdminAccount(name, generatePassword(), Origin.GENERATED);
        }
        return new AdminAccount(named ? name : userIn(marker), null, Origin.EXISTING);
    }

    /** Environment changes for the gateway's JVM; a {@code null} value removes the variable. */
    Map<String, String> gatewayEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(USER_ENV, user);
        env.put(PASSWORD_ENV, origin == Origin.EXISTING ? null : password);
        return env;
    }

    /** The backends never need the admin's credentials. */
    static Map<String, String> removedFromBackends() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(USER_ENV, null);
        env.put(PASSWORD_ENV, null);
        return env;
    }

    void markInitialized(Path marker) {
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, user + "\n# The admin account above was set up on the first start; "
                    + "start with SARKHAT_ADMIN_PASSWORD set to reset its password.\n");
        } catch (IOException e) {
            throw new StackException("Cannot write " + marker + ": " + e.getMessage(), e);
        }
    }

    /** One line for the launcher's summary. */
    String summaryLine() {
        return switch (origin) {
            case GENERATED -> user + " / " + password + "   (generated on this first start and shown only now: keep it)";
            case GIVEN -> user + " / (the password from SARKHAT_ADMIN_PASSWORD)";
            case EXISTING -> user + " exists; its password was printed on the first start. To reset it, start with "
                    + "SARKHAT_ADMIN_PASSWORD=<new password> (and SARKHAT_ADMIN_USER if it is not '" + DEFAULT_USER + "').";
        };
    }

    private static String userIn(Path marker) {
        try {
            String first = Files.readAllLines(marker).stream().findFirst().orElse("").strip();
            return first.isEmpty() || first.startsWith("#") ? DEFAULT_USER : first;
        } catch (IOException e) {
            return DEFAULT_USER;
        }
    }

    /** 24 characters from an alphabet without look-alikes (0/O, 1/l/I): about 140 bits. */
    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
