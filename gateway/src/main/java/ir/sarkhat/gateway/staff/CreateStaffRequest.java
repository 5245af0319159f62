package ir.sarkhat.gateway.staff;

import java.util.List;

/** Body of {@code POST /api/admin/staff}. */
record CreateStaffRequest(String username, String password, List<String> roles) {
}
