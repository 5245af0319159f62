package ir.sarkhat.gateway.token;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The RSA key pairs that sign staff tokens, kept in the {@code signing_keys} collection so restarts and every gateway
 * instance share them. The newest key signs; all stored keys (public parts) verify and are published as the JWKS.
 * <p>
 * Two instances starting on an empty database may each create a key. Each re-reads after inserting, and the periodic
 * refresh makes them all converge on the newest key and publish both, so tokens from either keep verifying.
 */
@Component
class SigningKeys implements InitializingBean {

    static final String COLLECTION = "signing_keys";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int PUBLISHED_KEYS = 5;

    private final ReactiveMongoTemplate mongo;
    private volatile Loaded current;

    record Loaded(RSAKey signingKey, JWKSet publicKeys) {
    }

    SigningKeys(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // Blocking is fine here: this runs once on the main thread, before the server accepts requests.
        Loaded loaded = load()
                .switchIfEmpty(Mono.defer(() -> create().then(load())))
                .block(Duration.ofSeconds(60));
        if (loaded == null) {
            throw new IllegalStateException("No signing key could be loaded or created in " + COLLECTION);
        }
        current = loaded;
        log.info("Signing staff tokens with key {} ({} key(s) published)",
                loaded.signingKey().getKeyID(), loaded.publicKeys().size());
    }

    RSAKey signingKey() {
        return current.signingKey();
    }

    /** Public parts only; never the private exponent. */
    JWKSet publicKeys() {
        return current.publicKeys();
    }

    @Scheduled(fixedDelayString = "${sarkhat.security.key-refresh-interval:1m}",
            initialDelayString = "${sarkhat.security.key-refresh-interval:1m}")
    void refresh() {
        try {
            Loaded loaded = load().block(Duration.ofSeconds(30));
            if (loaded != null) {
                if (!loaded.signingKey().getKeyID().equals(current.signingKey().getKeyID())) {
                    log.info("Now signing staff tokens with newer key {}", loaded.signingKey().getKeyID());
                }
                current = loaded;
            }
        } catch (RuntimeException e) {
            log.warn("Could not refresh the signing keys, keeping the current ones: {}", e.toString());
        }
    }

    private Mono<Loaded> load() {
        Query newestFirst = new Query()
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(PUBLISHED_KEYS);
        return mongo.find(newestFirst, Document.class, COLLECTION)
                .map(doc -> parse(doc.getString("jwk")))
                .collectList()
                .filter(keys -> !keys.isEmpty())
                .map(keys -> new Loaded(keys.get(0), new JWKSet(List.<JWK>copyOf(keys)).toPublicJWKSet()));
    }

    private Mono<Void> create() {
        RSAKey key = generate();
        Document doc = new Document("_id", key.getKeyID())
                .append("jwk", key.toJSONString())
                .append("createdAt", Date.from(Instant.now()));
        log.info("No signing key stored yet: created RSA key {}", key.getKeyID());
        return mongo.insert(doc, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .issueTime(new Date())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA key", e);
        }
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key is not a valid RSA JWK", e);
        }
    }
}
