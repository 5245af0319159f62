package ir.sarkhat.kit.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified token's roles into authorities; unknown role names are ignored. Gateway tokens carry them in
 * {@code roles}; an external provider's token in its configured claim, mapped to staff roles.
 */
public final class StaffAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLES_CLAIM = "roles";

    private final ExternalIssuerProperties external;

    public StaffAuthenticationConverter() {
        this(new ExternalIssuerProperties(null, null, null, null, null, null));
    }

    public StaffAuthenticationConverter(ExternalIssuerProperties external) {
        this.external = external;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (fromExternal(jwt)) {
            String name = jwt.getClaimAsString(external.usernameClaim());
            return new JwtAuthenticationToken(jwt, authorities(externalRoles(jwt)),
                    name == null || name.isBlank() ? jwt.getSubject() : name);
        }
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaimAsStringList(ROLES_CLAIM)), jwt.getSubject());
    }

    /** Authorities of a gateway token. */
    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return authorities(jwt.getClaimAsStringList(ROLES_CLAIM));
    }

    private boolean fromExternal(Jwt jwt) {
        // The raw claim: the gateway's issuer ("sarkhat") is not a URL, so Jwt.getIssuer() would throw.
        return external.enabled() && external.issuer().equals(jwt.getClaimAsString("iss"));
    }

    /** The provider's role names at the dotted claim path, mapped to staff role names. */
    private List<String> externalRoles(Jwt jwt) {
        Object node = jwt.getClaims();
        for (String part : external.rolesClaim().split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<String> mapped = new ArrayList<>();
        if (node instanceof Collection<?> names) {
            for (Object name : names) {
                String role = String.valueOf(name);
                mapped.add(external.roleMapping().getOrDefault(role, role));
            }
        }
        return mapped;
    }

    private static Collection<GrantedAuthority> authorities(List<String> names) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        if (names != null) {
            for (String name : names) {
                for (StaffRole role : StaffRole.values()) {
                    if (role.name().equals(name)) {
                        roles.addAll(role.granted());
                    }
                }
            }
        }
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }
}
