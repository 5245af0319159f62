package ir.sarkhat.gateway.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/** One document of {@code staff_accounts}: {@code {_id: username, passwordHash, roles, enabled, createdAt}}. */
public record StaffAccount(String username, String passwordHash, List<Role> roles, boolean enabled, Instant createdAt) {

    public StaffAccount {
        roles = List.copyOf(roles);
    }

    public List<String> roleNames() {
        return roles.stream().map(Role::name).toList();
    }

    Document toDocument() {
        return new Document("_id", username)
                .append("passwordHash", passwordHash)
                .append("roles", roleNames())
                .append("enabled", enabled)
                .append("createdAt", Date.from(createdAt));
    }

    static StaffAccount fromDocument(Document doc) {
        List<Role> roles = new ArrayList<>();
        for (Object name : doc.getList("roles", Object.class, List.of())) {
            try {
                roles.add(Role.valueOf(String.valueOf(name)));
            } catch (IllegalArgumentException ignored) {
                // a role this version does not know grants nothing
            }
        }
        Date created = doc.getDate("createdAt");
        return new StaffAccount(doc.getString("_id"), doc.getString("passwordHash"), roles,
                Boolean.TRUE.equals(doc.getBoolean("enabled")), created == null ? Instant.EPOCH : created.toInstant());
    }
}
