package ir.sarkhat.gateway.pageview;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import ir.sarkhat.gateway.problem.ProblemException;
import ir.sarkhat.gateway.token.AccessTokens;

/** A request by staff carries a valid staff token: its page views are not counted. */
@Component
class StaffRequests {

    private final AccessTokens tokens;

    StaffRequests(AccessTokens tokens) {
        this.tokens = tokens;
    }

    boolean isStaff(ServerHttpRequest request) {
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
