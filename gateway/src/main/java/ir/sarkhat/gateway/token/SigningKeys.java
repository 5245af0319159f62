package ir.sarkhat.gateway.token;

import java.text.ParseException;
import java.time.Clock;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The RSA key pairs that sign staff tokens, kept in the {@code signing_keys} collection so restarts and every gateway
 * instance share them. All stored keys (public parts, newest {@value #PUBLISHED_KEYS}) verify and are published as the
 * JWKS: tokens signed with the previous key stay valid after a rotation, nobody is signed out.
 * <p>
 * Rotation ({@link #rotate()}, by an admin or every {@code sarkhat.security.key-rotation-interval}) adds a key that is
 * published at once but signs only after {@code sarkhat.security.key-activation-delay}: by then every instance has
 * re-read the set (every {@code key-refresh-interval}) and knows the new {@code kid} before any token carries it.
 * Scheduled rotations are claimed in {@code signing_key_rotations} (one insert per period), so of several instances
 * exactly one rotates.
 */
@Component
class SigningKeys implements InitializingBean {

    static final String COLLECTION = "signing_keys";
    static final String ROTATIONS = "signing_key_rotations";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final int PUBLISHED_KEYS = 5;

    private final ReactiveMongoTemplate mongo;
    private final SecurityProperties properties;
    private final Clock clock;
    private volatile Loaded current;

    record Loaded(RSAKey signingKey, JWKSet publicKeys, Instant newestCreatedAt) {
    }

    private record Stored(RSAKey key, Instant createdAt) {
    }

    @Autowired
    SigningKeys(ReactiveMongoTemplate mongo, SecurityProperties properties) {
        this(mongo, properties, Clock.systemUTC());
    }

    SigningKeys(ReactiveMongoTemplate mongo, SecurityProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
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

    /** Adds a new key now (published at once, signing after the activation delay) and answers its kid. */
    Mono<String> rotate() {
        return create().flatMap(kid -> load().doOnNext(loaded -> current = loaded).thenReturn(kid));
    }

    @Scheduled(fixedDelayString = "${sarkhat.security.key-refresh-interval:1m}",
            initialDelayString = "${sarkhat.security.key-refresh-interval:1m}")
    void refresh() {
        try {
            rotateIfDue().block(Duration.ofSeconds(30));
            Loaded loaded = load().block(Duration.ofSeconds(30));
            if (loaded != null) {
                if (!loaded.signingKey().getKeyID().equals(current.signingKey().getKeyID())) {
                    log.info("Now signing staff tokens with key {}", loaded.signingKey().getKeyID());
                }
                current = loaded;
            }
        } catch (RuntimeException e) {
            log.warn("Could not refresh the signing keys, keeping the current ones: {}", e.toString());
        }
    }

    /** Scheduled rotation: the first instance to claim this period's rotation creates the key. */
    private Mono<Void> rotateIfDue() {
        Duration interval = properties.keyRotationInterval();
        if (interval == null || interval.isZero() || current == null
                || current.newestCreatedAt().plus(interval).isAfter(clock.instant())) {
            return Mono.empty();
        }
        long period = clock.millis() / interval.toMillis();
        return mongo.insert(new Document("_id", "auto-" + interval.toMillis() + "-" + period)
                        .append("at", Date.from(clock.instant())), ROTATIONS)
                .flatMap(claimed -> create())
                .doOnNext(kid -> log.info("Scheduled key rotation: added key {}", kid))
                .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    private Mono<Loaded> load() {
        Query newestFirst = new Query()
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(PUBLISHED_KEYS);
        Instant activeBefore = clock.instant().minus(properties.keyActivationDelay());
        return mongo.find(newestFirst, Document.class, COLLECTION)
                .map(doc -> new Stored(parse(doc.getString("jwk")), doc.getDate("createdAt").toInstant()))
                .collectList()
                .filter(keys -> !keys.isEmpty())
                .map(keys -> {
                    // The newest key old enough to be known everywhere signs; a fresh installation uses its only key.
                    Stored signing = keys.stream().filter(k -> !k.createdAt().isAfter(activeBefore)).findFirst()
                            .orElse(keys.get(keys.size() - 1));
                    List<JWK> published = keys.stream().<JWK>map(Stored::key).toList();
                    return new Loaded(signing.key(), new JWKSet(published).toPublicJWKSet(), keys.get(0).createdAt());
                });
    }

    private Mono<String> create() {
        RSAKey key = generate();
        Document doc = new Document("_id", key.getKeyID())
                .append("jwk", key.toJSONString())
                .append("createdAt", Date.from(clock.instant()));
        log.info("Created RSA signing key {}", key.getKeyID());
        return mongo.insert(doc, COLLECTION)
                .thenReturn(key.getKeyID())
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(key.getKeyID()));
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
