package ir.sarkhat.gateway.protection;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The client's address as rate limits and login throttling see it. With {@code sarkhat.gateway.trusted-proxies} = N,
 * the chain is every {@code X-Forwarded-For} entry followed by the TCP peer, and the client is the entry N places from
 * the right: what the outermost trusted proxy saw. Entries a client writes itself sit further left and are never
 * chosen, so a spoofed header cannot move a caller into a fresh bucket. With N = 0 the header is ignored.
 * <p>
 * The gateway's port must be reachable only through those N proxies; a caller who bypasses them can pick its key.
 */
@Component
public class ClientIp {

    private static final int MAX_LENGTH = 64;
    private final int trustedProxies;

    public ClientIp(@Value("${sarkhat.gateway.trusted-proxies:0}") int trustedProxies) {
        if (trustedProxies < 0) {
            throw new IllegalArgumentException("sarkhat.gateway.trusted-proxies must be 0 or more");
        }
        this.trustedProxies = trustedProxies;
    }

    public String of(ServerHttpRequest request) {
        String peer = peer(request.getRemoteAddress());
        if (trustedProxies == 0) {
            return peer;
        }
        List<String> chain = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String entry : header.split(",")) {
                String trimmed = entry.strip();
                if (!trimmed.isEmpty()) {
                    chain.add(trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed);
                }
            }
        }
        chain.add(peer);
        return chain.get(Math.max(chain.size() - 1 - trustedProxies, 0));
    }

    /** Whether the original request was https: the scheme here, or the nearest trusted proxy's X-Forwarded-Proto. */
    public boolean secure(ServerHttpRequest request) {
        if ("https".equalsIgnoreCase(request.getURI().getScheme())) {
            return true;
        }
        if (trustedProxies == 0) {
            return false;
        }
        List<String> protos = request.getHeaders().getOrEmpty("X-Forwarded-Proto");
        if (protos.isEmpty()) {
            return false;
        }
        String[] last = protos.get(protos.size() - 1).split(",");
        return "https".equalsIgnoreCase(last[last.length - 1].strip());
    }

    private static String peer(InetSocketAddress address) {
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
