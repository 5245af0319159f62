package ir.sarkhat.gateway.staff;

import java.util.List;

/** Bodies of the admin API's changes to an existing account. */
final class StaffChanges {

    private StaffChanges() {
    }

    /** {@code PUT /api/admin/staff/{username}/roles}. */
    record Roles(List<String> roles) {
    }

    /** {@code PUT /api/admin/staff/{username}/enabled}. */
    record Enabled(Boolean enabled) {
    }

    /** {@code PUT /api/admin/staff/{username}/password}. */
    record Password(String password) {
    }
}
