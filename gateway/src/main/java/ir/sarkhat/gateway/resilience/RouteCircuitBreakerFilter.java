package ir.sarkhat.gateway.resilience;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import ir.sarkhat.gateway.problem.ProblemException;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Runs the call to a route's backend inside that route's circuit breaker. Connection failures and timeouts count as
 * failures; once the circuit is open, calls are answered 503 problem+json with {@code Retry-After} at once, without
 * touching the backend, until trial calls succeed again. Configured in code rather than as a route filter so the
 * route definitions stay as they are; routes without a configured breaker are not wrapped at all.
 * <p>
 * Ordered after {@link NettyWriteResponseFilter}: the breaker times the backend up to its response headers, and the body
 * is streamed outside it.
 */
@Component
class RouteCircuitBreakerFilter implements GlobalFilter, Ordered {

    private final CircuitBreakerProperties properties;
    private final ReactiveCircuitBreakerFactory<?, ?> factory;
    private final Map<String, ReactiveCircuitBreaker> breakers = new ConcurrentHashMap<>();

    RouteCircuitBreakerFilter(CircuitBreakerProperties properties, ReactiveCircuitBreakerFactory<?, ?> factory) {
        this.properties = properties;
        this.factory = factory;
    }

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        CircuitBreakerProperties.Route settings = route == null ? null : properties.routes().get(route.getId());
        if (settings == null) {
            return chain.filter(exchange);
        }
        ReactiveCircuitBreaker breaker = breakers.computeIfAbsent(route.getId(), factory::create);
        return breaker.run(chain.filter(exchange), failure -> Mono.error(failure instanceof CallNotPermittedException
                ? ProblemException.unavailable("The service behind this path is unavailable right now (circuit open). "
                        + "Try again shortly.", settings.openFor().toSeconds())
                : failure));
    }
}
