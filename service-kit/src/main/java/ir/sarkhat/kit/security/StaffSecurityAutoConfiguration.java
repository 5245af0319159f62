package ir.sarkhat.kit.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import ir.sarkhat.kit.problem.ProblemSecurityHandlers;
import tools.jackson.databind.json.JsonMapper;

/** Token verification beans for every service: signature, issuer, audience, expiry, and not of an ended session. */
@AutoConfiguration
@EnableConfigurationProperties({StaffTokenProperties.class, ExternalIssuerProperties.class})
public class StaffSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RevokedSessions revokedSessions(ObjectProvider<Clock> clock) {
        return new RevokedSessions(clock.getIfAvailable(Clock::systemUTC));
    }

    /** Gateway tokens are verified, then refused when their session has ended (see {@link RevokedSessions}). */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder staffJwtDecoder(StaffTokenProperties properties, ExternalIssuerProperties oidc,
            RevokedSessions revoked) {
        JwtDecoder staff = properties.publicKeyLocation() != null && !properties.publicKeyLocation().isBlank()
                ? StaffJwtDecoders.fromPublicKey(readPublicKey(properties.publicKeyLocation()),
                        properties.issuer(), properties.audience())
                : StaffJwtDecoders.fromJwkSetUri(properties.jwksUri(), properties.issuer(), properties.audience());
        return StaffJwtDecoders.withExternal(new RevocationCheckingJwtDecoder(staff, revoked), properties.issuer(),
                oidc);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper jsonMapper) {
        return new ProblemSecurityHandlers(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    StaffSecurity staffSecurity(ProblemSecurityHandlers handlers, ExternalIssuerProperties oidc) {
        return new StaffSecurity(handlers, new StaffAuthenticationConverter(oidc));
    }

    static RSAPublicKey readPublicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(pem);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the staff token public key at " + location, e);
        }
    }
}
