package ir.sarkhat.kit.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token cases every service must refuse by itself, called on its own port (not through the gateway): no token,
 * expired, {@code alg: none}, signed by another key, wrong issuer, wrong audience and garbage are 401; a valid token
 * without the needed role is 403. The caller then checks that nothing changed.
 */
public final class TokenChecks {

    private TokenChecks() {
    }

    /**
     * @param call      sends the request with this {@code Authorization} value (null: none) and answers the status
     * @param wrongRole a role that does not allow the request
     */
    public static void assertOnlyValidTokensWithTheRolePass(Function<String, Integer> call, String wrongRole) {
        Map<String, String> unauthenticated = new LinkedHashMap<>();
        unauthenticated.put("no token", null);
        unauthenticated.put("expired", TestTokens.expired("intruder", "ADMIN"));
        unauthenticated.put("alg none", TestTokens.algNone("intruder", "ADMIN"));
        unauthenticated.put("signed by another key", TestTokens.signedByAnotherKey("intruder", "ADMIN"));
        unauthenticated.put("wrong issuer", TestTokens.withIssuerAndAudience("elsewhere", TestTokens.AUDIENCE,
                "intruder", "ADMIN"));
        unauthenticated.put("wrong audience", TestTokens.withIssuerAndAudience(TestTokens.ISSUER, "elsewhere",
                "intruder", "ADMIN"));
        unauthenticated.put("not a JWT", "Bearer not.a.jwt");
        unauthenticated.forEach((kind, header) -> assertThat(call.apply(header)).as(kind).isEqualTo(401));
        assertThat(call.apply(TestTokens.bearer("someone", wrongRole))).as("valid token, role " + wrongRole)
                .isEqualTo(403);
    }
}
