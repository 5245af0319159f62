package ir.sarkhat.gateway.auth;

import reactor.core.publisher.Mono;

/** Ends every session (refresh token) of an account: what the staff admin needs from sign-in, and nothing more. */
public interface SessionRevocation {

    Mono<Void> endAll(String username);
}
