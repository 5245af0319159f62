package ir.sarkhat.gateway.protection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit with 413 before they reach a backend: a declared {@code Content-Length} at once,
 * a chunked body as soon as the bytes streamed through pass the limit (the proxied stream is then cut).
 */
@Component
class BodyLimitFilter implements WebFilter, Ordered {

    private final long defaultMax;
    private final Map<PathPattern, Long> byPath = new LinkedHashMap<>();

    BodyLimitFilter(BodyLimitProperties properties) {
        this.defaultMax = properties.defaultMax().toBytes();
        properties.paths().forEach((pattern, size) ->
                byPath.put(PathPatternParser.defaultInstance.parse(pattern), size.toBytes()));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        boolean chunked = declared < 0 && request.getHeaders().containsHeader("Transfer-Encoding");
        if (declared <= 0 && !chunked) {
            return chain.filter(exchange); // no body: GETs and the hot read routes pay one header lookup
        }
        long max = limitFor(request);
        if (declared > max) {
            return Mono.error(new ContentTooLargeException(null));
        }
        if (!chunked) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > max) {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        sink.error(new ContentTooLargeException(null));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private long limitFor(ServerHttpRequest request) {
        for (Map.Entry<PathPattern, Long> entry : byPath.entrySet()) {
            if (entry.getKey().matches(request.getPath().pathWithinApplication())) {
                return entry.getValue();
            }
        }
        return defaultMax;
    }
}
