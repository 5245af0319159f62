package ir.sarkhat.gateway.staff;

import java.time.Instant;
import java.util.List;

/** One account as the admin API shows it; never the password hash. */
record StaffView(String username, List<String> roles, boolean enabled, Instant createdAt) {

    static StaffView of(StaffAccount account) {
        return new StaffView(account.username(), account.roleNames(), account.enabled(), account.createdAt());
    }
}
