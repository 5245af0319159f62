package ir.sarkhat.gateway.staff;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * bcrypt hashing. Every call costs tens of milliseconds of CPU on purpose: never call it on a Netty event loop.
 * Checking always runs bcrypt, against a dummy hash when there is no account, so a wrong username and a wrong
 * password take about the same time.
 */
@Component
public class PasswordHasher {

    /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated, so they are refused. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final String dummyHash = bcrypt.encode("sarkhat-dummy-password-for-timing");

    String hash(String password) {
        return bcrypt.encode(password);
    }

    /** {@code hash} may be null (no such account): bcrypt still runs and the answer is false. */
    public boolean matches(String password, String hash) {
        boolean usable = password != null && !tooLong(password);
        boolean matched = bcrypt.matches(usable ? password : "", hash != null ? hash : dummyHash);
        return usable && hash != null && matched;
    }

    static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }
}
