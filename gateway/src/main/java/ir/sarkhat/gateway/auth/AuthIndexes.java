package ir.sarkhat.gateway.auth;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Indexes of the sign-in collections: MongoDB removes failure counts and refresh tokens once {@code expiresAt} is past
 * (TTL), and revoking a family or an account's sessions finds its tokens by index. Session revocations expire with the
 * last token they refuse; the relay finds the unsent ones and the other instances the new ones by index.
 */
@Component
class AuthIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuthIndexes.class);

    private final ReactiveMongoTemplate mongo;

    AuthIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.concat(
                        mongo.indexOps(LoginThrottle.COLLECTION).createIndex(expiring()),
                        mongo.indexOps(RefreshTokens.COLLECTION).createIndex(expiring()),
                        mongo.indexOps(RefreshTokens.COLLECTION).createIndex(new Index().on("family", Sort.Direction.ASC)),
                        mongo.indexOps(RefreshTokens.COLLECTION).createIndex(new Index().on("username", Sort.Direction.ASC)),
                        mongo.indexOps(SessionRevocations.COLLECTION).createIndex(expiring()),
                        // only the documents still to be relayed carry "pending": the relay's query reads just those
                        mongo.indexOps(SessionRevocations.COLLECTION).createIndex(
                                new Index().on("pending", Sort.Direction.ASC).sparse()),
                        mongo.indexOps(SessionRevocations.COLLECTION).createIndex(
                                new Index().on("revokedAt", Sort.Direction.ASC)))
                .doOnError(e -> log.warn("Could not create the sign-in indexes (expired entries stay until then): {}",
                        e.toString()))
                .onErrorComplete()
                .blockLast(Duration.ofSeconds(30));
    }

    private static Index expiring() {
        return new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO);
    }
}
