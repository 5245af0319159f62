package ir.sarkhat.comment.comments.web;

import java.util.List;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import ir.sarkhat.comment.comments.CommentsProperties;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The reader's address. The gateway replaces X-Forwarded-For with the TCP peer it saw, so behind a
 * trusted proxy the last entry is the client; from anyone else the header is ignored (it is trivially
 * forged) and the connection's address is used. Trusted proxies are addresses or CIDR ranges
 * (e.g. a container network, {@code 172.16.0.0/12}).
 */
@Component
class ClientIps {

    private final List<IpAddressMatcher> trustedProxies;

    ClientIps(CommentsProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank() && isTrusted(peer)) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty()) {
                return last;
            }
        }
        return peer;
    }

    private boolean isTrusted(String peer) {
        return peer != null && trustedProxies.stream().anyMatch(proxy -> proxy.matches(peer));
    }
}
