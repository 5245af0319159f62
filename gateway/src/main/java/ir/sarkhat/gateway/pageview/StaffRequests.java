package ir.sarkhat.gateway.pageview;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import ir.sarkhat.gateway.auth.StaffCookie;
import ir.sarkhat.gateway.problem.ProblemException;
import ir.sarkhat.gateway.token.AccessTokens;

/**
 * A request by staff carries a valid staff token, or the staff cookie set at sign-in (a page opened in a plain tab
 * sends no token): its page views are not counted.
 */
@Component
class StaffRequests {

    private final AccessTokens tokens;
    private final StaffCookie cookie;

    StaffRequests(AccessTokens tokens, StaffCookie cookie) {
        this.tokens = tokens;
        this.cookie = cookie;
    }

    boolean isStaff(ServerHttpRequest request) {
        if (cookie.presentOn(request)) { // one HMAC, checked before an RSA signature
            return true;
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return false;
        }
        try {
            return !tokens.verify(authorization).roles().isEmpty();
        } catch (ProblemException notAValidToken) {
            return false;
        }
    }
}
