package ir.sarkhat.gateway.token;

import java.util.List;

/** Who a verified token speaks for. Roles are the names in the token's {@code roles} claim. */
public record StaffPrincipal(String username, List<String> roles) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
