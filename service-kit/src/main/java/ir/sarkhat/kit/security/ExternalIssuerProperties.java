package ir.sarkhat.kit.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An external OpenID Connect provider (e.g. Keycloak) whose access tokens the services accept beside the gateway's,
 * by configuration only ({@code sarkhat.security.oidc.*}). Off while {@code issuer} is empty.
 *
 * @param issuer        the provider's exact {@code iss}, e.g. {@code http://localhost:8180/realms/sarkhat}
 * @param jwksUri       where its keys are (may differ from the issuer's host inside a container network)
 * @param audience      required entry of {@code aud}; empty = not checked (Keycloak puts the client in {@code azp})
 * @param rolesClaim    dotted path to the list of role names, e.g. {@code realm_access.roles}
 * @param roleMapping   provider role → staff role ({@code EDITOR}, {@code MODERATOR}, {@code ADMIN}); provider roles
 *                      that are not mapped but are spelled like a staff role count as that role
 * @param usernameClaim the claim that names the user
 */
@ConfigurationProperties("sarkhat.security.oidc")
public record ExternalIssuerProperties(String issuer, String jwksUri, String audience, String rolesClaim,
        Map<String, String> roleMapping, String usernameClaim) {

    public ExternalIssuerProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "realm_access.roles" : rolesClaim;
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
    }

    public boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }
}
