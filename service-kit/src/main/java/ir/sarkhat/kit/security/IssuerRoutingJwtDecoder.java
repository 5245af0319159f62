package ir.sarkhat.kit.security;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Picks the decoder by the token's (not yet trusted) {@code iss}: the gateway's or the external provider's. The chosen
 * decoder then checks signature, issuer, audience and expiry as usual, so a forged {@code iss} gains nothing; a token
 * from any other issuer is refused without a key lookup.
 */
final class IssuerRoutingJwtDecoder implements JwtDecoder {

    private final Map<String, JwtDecoder> byIssuer;

    IssuerRoutingJwtDecoder(Map<String, JwtDecoder> byIssuer) {
        this.byIssuer = Map.copyOf(byIssuer);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("The token is not a JWT", e);
        }
        JwtDecoder decoder = issuer == null ? null : byIssuer.get(issuer);
        if (decoder == null) {
            throw new BadJwtException("Tokens from this issuer are not accepted");
        }
        return decoder.decode(token);
    }
}
