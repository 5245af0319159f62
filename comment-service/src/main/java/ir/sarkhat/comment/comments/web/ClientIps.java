package ir.sarkhat.comment.comments.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ir.sarkhat.comment.comments.CommentsProperties;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The reader's address. The gateway replaces X-Forwarded-For with the TCP peer it saw, so behind a
 * trusted proxy the last entry is the client; from anyone else the header is ignored (it is trivially
 * forged) and the connection's address is used.
 */
@Component
class ClientIps {

    private final Set<String> trustedProxies;

    ClientIps(CommentsProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream().map(String::strip).collect(Collectors.toSet());
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
        return peer != null && (trustedProxies.contains(peer)
                || "0:0:0:0:0:0:0:1".equals(peer) && trustedProxies.contains("::1"));
    }
}
