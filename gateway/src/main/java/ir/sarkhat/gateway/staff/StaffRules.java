package ir.sarkhat.gateway.staff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import ir.sarkhat.gateway.problem.ProblemException;

/** What a valid username, password and role list are; one place so the admin API and the bootstrap agree. */
public final class StaffRules {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    private StaffRules() {
    }

    /** Usernames are case-insensitive: stored and looked up in lower case. */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    static String validUsername(String username) {
        String normalized = normalizeUsername(username);
        if (normalized == null || normalized.isEmpty()) {
            throw ProblemException.badRequest("username is required.");
        }
        if (!USERNAME.matcher(normalized).matches()) {
            throw ProblemException.badRequest("username must be 3 to 32 characters: Latin letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit.");
        }
        return normalized;
    }

    static String validPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw ProblemException.badRequest("password is required.");
        }
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw ProblemException.badRequest("password must be at least " + MIN_PASSWORD_LENGTH + " characters long.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            throw ProblemException.badRequest("password must be at most " + PasswordHasher.MAX_PASSWORD_BYTES
                    + " bytes long in UTF-8.");
        }
        return password;
    }

    static List<Role> validRoles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw ProblemException.badRequest("roles is required: one or more of " + Arrays.toString(Role.values()) + ".");
        }
        List<Role> roles = new ArrayList<>();
        for (String name : names) {
            Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("roles: unknown role '" + name + "'; allowed are "
                            + Arrays.toString(Role.values()) + "."));
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        return roles;
    }
}
