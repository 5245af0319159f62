package ir.sarkhat.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who the first administrator is and what the gateway is told about it. A password given by the user is
 * passed through; with none given, the first start generates one (shown once); later starts pass nothing, and
 * the gateway keeps the account it already has. "First start" means the marker file is missing: it is
 * written only once the stack was healthy, so a failed first start generates a new password next time.
 */
record AdminAccount(String user, String password, Origin origin) {

    static final String DEFAULT_USER = "admin";
    static final String USER_ENV = "SARKHAT_ADMIN_USER";
    static final String PASSWORD_ENV = "SARKHAT_ADMIN_PASSWORD";

    enum Origin { GIVEN, GENERATED, EXISTING }

    static AdminAccount decide(String user, String password, Path marker) {
        String name = user == null || user.isBlank() ? DEFAULT_USER : user;
        if (password != null && !password.isEmpty()) {
            return new AdminAccount(name, password, Origin.GIVEN);
        }
        if (!Files.exists(marker)) {
            return new AdminAccount(name, generatePassword(), Origin.GENERATED);
        }
        return new AdminAccount(name, null, Origin.EXISTING);
    }

    /** Environment changes for the gateway's JVM: set both, or remove both (a {@code null} value removes). */
    Map<String, String> gatewayEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        if (origin == Origin.EXISTING) {
            env.put(USER_ENV, null);
            env.put(PASSWORD_ENV, null);
        } else {
            env.put(USER_ENV, user);
            env.put(PASSWORD_ENV, password);
        }
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
            Files.writeString(marker, "The first administrator was created on the first start; "
                    + "set SARKHAT_ADMIN_PASSWORD to reset its password.\n");
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

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // 24 chars, 144 bits
    }
}
