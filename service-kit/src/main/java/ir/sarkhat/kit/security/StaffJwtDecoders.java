package ir.sarkhat.kit.security;

import java.security.interfaces.RSAPublicKey;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Decoders that accept only RS256 tokens from our issuer, for our audience, not expired. */
public final class StaffJwtDecoders {

    private StaffJwtDecoders() {
    }

    public static JwtDecoder fromJwkSetUri(String jwksUri, String issuer, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwksUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(issuer, audience));
        return decoder;
    }

    public static JwtDecoder fromPublicKey(RSAPublicKey key, String issuer, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key)
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(issuer, audience));
        return decoder;
    }

    /** An external OpenID Connect provider's tokens: RS256 from its JWKS, its issuer, the audience when configured. */
    public static JwtDecoder external(ExternalIssuerProperties oidc) {
        String jwks = oidc.jwksUri() == null || oidc.jwksUri().isBlank()
                ? oidc.issuer().replaceAll("/$", "") + "/protocol/openid-connect/certs" // Keycloak's layout
                : oidc.jwksUri();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(oidc.audience() == null || oidc.audience().isBlank()
                ? JwtValidators.createDefaultWithIssuer(oidc.issuer())
                : validator(oidc.issuer(), oidc.audience()));
        return decoder;
    }

    /** The gateway's decoder alone, or both behind a router on {@code iss} when an external provider is set. */
    public static JwtDecoder withExternal(JwtDecoder staff, String staffIssuer, ExternalIssuerProperties oidc) {
        if (!oidc.enabled()) {
            return staff;
        }
        return new IssuerRoutingJwtDecoder(java.util.Map.of(staffIssuer, staff, oidc.issuer(), external(oidc)));
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        OAuth2TokenValidator<Jwt> audienceValidator = jwt -> {
            List<String> aud = jwt.getAudience();
            return aud != null && aud.contains(audience)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(
                            new OAuth2Error("invalid_token", "The token is not meant for this audience", null));
        };
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceValidator);
    }
}
