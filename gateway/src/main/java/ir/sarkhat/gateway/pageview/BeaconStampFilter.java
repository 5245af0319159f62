package ir.sarkhat.gateway.pageview;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import ir.sarkhat.gateway.protection.ClientIp;
import ir.sarkhat.gateway.protection.HmacSha256;

/**
 * Beacon requests ({@code POST /api/analytics/events}) leave here with who sent them, as the gateway saw it: the
 * day's visitor key, the client's classes (never the user agent) and whether it is staff, signed with the secret
 * shared with analytics-service. Whatever a client sent in these headers is removed first, and so is its
 * {@code Authorization}: a beacon is never acted on as staff, and analytics counts only what this filter signed.
 * Staff (token or staff cookie), robots and visitors over the day's page-view threshold ({@link VisitorHits}) are
 * stamped with the reason their beacons must not count.
 */
@Component
class BeaconStampFilter implements GlobalFilter, Ordered {

    static final String BEACON_PATH = "/api/analytics/events";
    static final String VISITOR = "X-Sarkhat-Visitor";
    static final String CLIENT = "X-Sarkhat-Client";
    static final String STAMPED_AT = "X-Sarkhat-Stamped-At";
    static final String SIGNATURE = "X-Sarkhat-Signature";

    static final int MAX_BODY = 64 * 1024; // a beacon is a few hundred bytes; analytics cuts URLs at 4 KB anyway
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VisitorSalts salts;
    private final UserAgents userAgents;
    private final StaffRequests staff;
    private final VisitorHits visitorHits;
    private final PageviewIds pageviewIds;
    private final byte[] secret;
    private final Clock clock;
    private final ClientIp clientIp;

    BeaconStampFilter(VisitorSalts salts, UserAgents userAgents, StaffRequests staff, BeaconSecret secret,
                      ClientIp clientIp, VisitorHits visitorHits, PageviewIds pageviewIds) {
        this.salts = salts;
        this.clientIp = clientIp;
        this.userAgents = userAgents;
        this.staff = staff;
        this.visitorHits = visitorHits;
        this.pageviewIds = pageviewIds;
        this.secret = secret.secret().getBytes(StandardCharsets.UTF_8);
        this.clock = Clock.systemUTC();
    }

    /** The two fields of a beacon the threshold needs; everything else is analytics-service's to read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BeaconKind(String type, String pageviewId) {
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
        LocalDate day = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate();
        return salts.saltFor(day).flatMap(salt -> {
            Client classified = userAgents.classify(userAgent);
            Client client = isStaff ? classified.excludedAs("staff") : classified;
            String visitor = VisitorKeys.of(salt, ip, userAgent);
            if (client.excluded() != null || !visitorHits.enabled() || secret.length == 0) {
                return forward(exchange, chain, request, visitor, client, now);
            }
            // The threshold needs the beacon's type and pageviewId: read the small body once and hand it on.
            return DataBufferUtils.join(request.getBody(), MAX_BODY)
                    .map(BeaconStampFilter::bytes)
                    .defaultIfEmpty(new byte[0])
                    .onErrorMap(DataBufferLimitException.class, e -> new ContentTooLargeException(e))
                    .flatMap(body -> judge(body, day, visitor, client)
                            .flatMap(judged -> forward(exchange, chain, replaying(request, body, exchange), visitor,
                                    judged, now)));
        });
    }

    /**
     * A page view reported under an id this gateway issued was counted when the page was served: only look whether
     * the visitor is over. Any other page view is one the gateway has not seen: count it. Engagement pings are not
     * views (and one of an excluded view finds nothing to add to).
     */
    private Mono<Client> judge(byte[] body, LocalDate day, String visitor, Client client) {
        BeaconKind kind;
        try {
            kind = JSON.readValue(body, BeaconKind.class);
        } catch (RuntimeException notJson) {
            return Mono.just(client); // analytics-service answers it with 400
        }
        if (kind == null || !"pageview".equals(kind.type())) {
            return Mono.just(client);
        }
        Mono<Boolean> over = pageviewIds.issuedHere(kind.pageviewId())
                ? visitorHits.isOver(day, visitor) : visitorHits.addView(day, visitor);
        return over.map(isOver -> isOver ? client.excludedAs(VisitorHits.REASON) : client);
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, ServerHttpRequest request,
            String visitor, Client client, long now) {
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
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ServerHttpRequest replaying(ServerHttpRequest request, byte[] body, ServerWebExchange exchange) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }

    /** {@code browser|os|device|excluded}, each part URL-encoded (empty when unknown). */
    static String encode(Client client) {
        return String.join("|", part(client.browser()), part(client.os()), part(client.device()), part(client.excluded()));
    }

    private static String part(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String sign(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(HmacSha256.of(secret, payload));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
