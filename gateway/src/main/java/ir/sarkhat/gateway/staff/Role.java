package ir.sarkhat.gateway.staff;

/** What a staff member may do; the names travel in the tokens' {@code roles} claim. */
public enum Role {
    EDITOR, MODERATOR, ADMIN
}
