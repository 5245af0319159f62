package ir.sarkhat.gateway.resilience;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sarkhat.gateway.circuit-breakers.routes.<route id>.*}. Routes not listed run without a breaker.
 *
 * @param timeout              longest wait for the backend's response headers; then 504
 * @param failureRateThreshold percent of failed calls (errors, timeouts) in the window that opens the circuit
 * @param window               calls the failure rate is computed over
 * @param minimumCalls         calls needed before the rate counts
 * @param openFor              how long an open circuit answers 503 at once before letting trial calls through
 */
@ConfigurationProperties("sarkhat.gateway.circuit-breakers")
record CircuitBreakerProperties(Map<String, Route> routes) {

    CircuitBreakerProperties {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    record Route(@DefaultValue("5s") Duration timeout, @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int window, @DefaultValue("5") int minimumCalls, @DefaultValue("10s") Duration openFor) {
    }
}
