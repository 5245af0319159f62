package ir.sarkhat.kit.security;

import java.util.EnumSet;
import java.util.Set;

/** The staff roles a token can carry. ADMIN implies every other role. */
public enum StaffRole {
    EDITOR, MODERATOR, ADMIN;

    /** Spring Security authority name, e.g. {@code ROLE_EDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    Set<StaffRole> granted() {
        return this == ADMIN ? EnumSet.allOf(StaffRole.class) : EnumSet.of(this);
    }
}
