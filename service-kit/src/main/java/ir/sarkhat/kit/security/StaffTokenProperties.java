package ir.sarkhat.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway's signing keys are and what a valid token must say.
 *
 * @param jwksUri           the gateway's JWK set; keys are fetched on first use and on an unknown {@code kid}
 * @param publicKeyLocation a PEM RSA public key instead of the JWK set (tests, air-gapped setups)
 * @param issuer            required {@code iss}
 * @param audience          required entry of {@code aud}
 */
@ConfigurationProperties("sarkhat.security")
public record StaffTokenProperties(String jwksUri, String publicKeyLocation, String issuer, String audience) {

    public StaffTokenProperties {
        if (jwksUri == null || jwksUri.isBlank()) {
            jwksUri = "http://localhost:8080/.well-known/jwks.json";
        }
        if (issuer == null || issuer.isBlank()) {
            issuer = "sarkhat";
        }
        if (audience == null || audience.isBlank()) {
            audience = "sarkhat";
        }
    }
}
