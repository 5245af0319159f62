package ir.sarkhat.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The secret the gateway signs its beacon stamps with and analytics-service checks them with. Without
 * it analytics-service refuses every beacon, so the local stack always provides one: the value of
 * {@code SARKHAT_BEACON_SECRET} when set, else one generated on the first start and kept in the data
 * folder (so stamps stay valid across restarts). It goes to the two services as an environment
 * variable, not an argument, so it never shows in the process list.
 */
final class BeaconSecret {

    static final String ENV = "SARKHAT_BEACON_SECRET";
    private static final String FILE = "beacon-secret";

    private BeaconSecret() {
    }

    static String resolve(Map<String, String> env, Path dataDir) {
        String given = env.get(ENV);
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createDirectories(dataDir);
            Files.writeString(file, secret + "\n");
            restrictToOwner(file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions apply.
        }
    }
}
