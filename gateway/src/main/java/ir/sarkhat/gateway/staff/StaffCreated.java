package ir.sarkhat.gateway.staff;

import java.util.List;

/** Answer to a created account; never the password or its hash. */
record StaffCreated(String username, List<String> roles) {
}
