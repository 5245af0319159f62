package ir.sarkhat.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import ir.sarkhat.gateway.problem.ProblemException;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Failed sign-ins per username and per client address, in MongoDB ({@code login_failures}) so every gateway instance
 * counts together. From the threshold on, each failure locks the key for a doubling time (30 s, 1 min, 2 min … at most
 * 15 min by default): guessing slows down to nothing, and a real user is back within minutes. A locked key is refused
 * with 429 before the password is even checked. Unknown usernames are counted like real ones, so a lock says nothing
 * about whether an account exists. A successful sign-in clears the username's count (not the address's).
 */
@Component
class LoginThrottle {

    static final String COLLECTION = "login_failures";

    private final ReactiveMongoTemplate mongo;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    @Autowired
    LoginThrottle(ReactiveMongoTemplate mongo, LoginThrottleProperties properties) {
        this(mongo, properties, Clock.systemUTC());
    }

    LoginThrottle(ReactiveMongoTemplate mongo, LoginThrottleProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** Completes empty when both keys may try; errors with 429 and Retry-After when either is locked. */
    Mono<Void> checkAllowed(String username, String ip) {
        Instant now = clock.instant();
        return Flux.just(new Key("user:" + username, properties.accountThreshold()),
                        new Key("ip:" + ip, properties.ipThreshold()))
                .flatMap(key -> mongo.findById(key.id(), Document.class, COLLECTION)
                        .map(doc -> lockedUntil(doc, key.threshold())))
                .filter(until -> until.isAfter(now))
                .reduce((a, b) -> a.isAfter(b) ? a : b)
                .flatMap(until -> Mono.error(ProblemException.tooManyRequests(
                        "Too many failed sign-ins. Try again in " + seconds(now, until) + " s.", seconds(now, until))));
    }

    Mono<Void> recordFailure(String username, String ip) {
        return Flux.just("user:" + username, "ip:" + ip).concatMap(this::increment).then();
    }

    Mono<Void> recordSuccess(String username) {
        return mongo.remove(Query.query(Criteria.where("_id").is("user:" + username)), COLLECTION).then();
    }

    private record Key(String id, int threshold) {
    }

    private Mono<Document> increment(String id) {
        Instant now = clock.instant();
        // A count whose time is up starts again from zero (the TTL index would remove it a little later anyway).
        Query expired = Query.query(Criteria.where("_id").is(id).and("expiresAt").lte(Date.from(now)));
        Update update = new Update().inc("failures", 1)
                .set("lastFailure", Date.from(now))
                .set("expiresAt", Date.from(now.plus(properties.forgetAfter())));
        return mongo.remove(expired, COLLECTION)
                .then(mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION));
    }

    private Instant lockedUntil(Document doc, int threshold) {
        Date expires = doc.getDate("expiresAt");
        Number failures = doc.get("failures", Number.class);
        Date last = doc.getDate("lastFailure");
        if (failures == null || last == null || (expires != null && !expires.toInstant().isAfter(clock.instant()))) {
            return Instant.EPOCH;
        }
        return last.toInstant().plus(lockFor(failures.intValue(), threshold));
    }

    Duration lockFor(int failures, int threshold) {
        if (failures < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - threshold, 20);
        Duration lock = properties.firstLock().multipliedBy(1L << doublings);
        return lock.compareTo(properties.maxLock()) > 0 ? properties.maxLock() : lock;
    }

    private static long seconds(Instant now, Instant until) {
        return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
    }
}
