package ir.sarkhat.gateway.pageview;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import ir.sarkhat.gateway.protection.ClientIp;

/**
 * Beacon requests ({@code POST /api/analytics/events}) leave here with who sent them, as the gateway saw it: the
 * day's visitor key, the client's classes (never the user agent) and whether it is staff, signed with the secret
 * shared with analytics-service. Whatever a client sent in these headers is removed first, and so is its
 * {@code Authorization}: a beacon is never acted on as staff, and analytics counts only what this filter signed.
 */
@Component
class BeaconStampFilter implements GlobalFilter, Ordered {

    static final String BEACON_PATH = "/api/analytics/events";
    static final String VISITOR = "X-Sarkhat-Visitor";
    static final String CLIENT = "X-Sarkhat-Client";
    static final String STAMPED_AT = "X-Sarkhat-Stamped-At";
    static final String SIGNATURE = "X-Sarkhat-Signature";
    private static final String HMAC = "HmacSHA256";

    private final VisitorSalts salts;
    private final UserAgents userAgents;
    private final StaffRequests staff;
    private final byte[] secret;
    private final Clock clock;
    private final ClientIp clientIp;

    BeaconStampFilter(VisitorSalts salts, UserAgents userAgents, StaffRequests staff, BeaconSecret secret,
                      ClientIp clientIp) {
        this.salts = salts;
        this.clientIp = clientIp;
        this.userAgents = userAgents;
        this.staff = staff;
        this.secret = secret.secret().getBytes(StandardCharsets.UTF_8);
        this.clock = Clock.systemUTC();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!HttpMethod.POST.equals(request.getMethod())
                || !BEACON_PATH.equals(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        boolean isStaff = staff.isStaff(request);
        String userAgent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
        String ip = clientIp.of(request);
        long now = clock.millis();
        return salts.saltFor(clock.instant().atZone(ZoneOffset.UTC).toLocalDate()).flatMap(salt -> {
            Client client = userAgents.classify(userAgent);
            if (isStaff) {
                client = client.excludedAs("staff");
            }
            String visitor = VisitorKeys.of(salt, ip, userAgent);
            String clientHeader = encode(client);
            String stamp = Long.toString(now);
            ServerHttpRequest stamped = request.mutate().headers(headers -> {
                headers.remove(VISITOR);
                headers.remove(CLIENT);
                headers.remove(STAMPED_AT);
                headers.remove(SIGNATURE);
                headers.remove(HttpHeaders.AUTHORIZATION);
                headers.remove(HttpHeaders.COOKIE);
                headers.remove(HttpHeaders.USER_AGENT); // analytics gets its classes, never the agent itself
                if (secret.length > 0) {
                    headers.set(VISITOR, visitor);
                    headers.set(CLIENT, clientHeader);
                    headers.set(STAMPED_AT, stamp);
                    headers.set(SIGNATURE, sign(visitor + "\n" + clientHeader + "\n" + stamp));
                }
            }).build();
            return chain.filter(exchange.mutate().request(stamped).build());
        });
    }

    /** {@code browser|os|device|excluded}, each part URL-encoded (empty when unknown). */
    static String encode(Client client) {
        return String.join("|", part(client.browser()), part(client.os()), part(client.device()), part(client.excluded()));
    }

    private static String part(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
