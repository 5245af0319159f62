package ir.sarkhat.gateway.token;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Key rotation on demand (e.g. after a suspected leak): a new key, published now, signing after the activation delay. */
@RestController
class KeyAdminController {

    private final AccessTokens tokens;
    private final SigningKeys keys;

    KeyAdminController(AccessTokens tokens, SigningKeys keys) {
        this.tokens = tokens;
        this.keys = keys;
    }

    @PostMapping(path = "/api/admin/keys/rotate", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> rotate(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        tokens.requireRole(authorization, "ADMIN", "Rotating the signing keys");
        // RSA key generation is CPU work: off the event loop.
        return Mono.defer(keys::rotate).subscribeOn(Schedulers.boundedElastic())
                .map(kid -> Map.of(
                        "addedKid", kid,
                        "signingKid", keys.signingKey().getKeyID(),
                        "publishedKids", keys.publicKeys().getKeys().stream().map(k -> k.getKeyID()).toList()));
    }
}
