package ir.sarkhat.gateway.pageview;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One random salt per UTC day in {@code visitor_salts} ({@code {_id: "yyyy-MM-dd", salt, createdAt}}). Created with
 * an upsert that only sets the salt on insert, so every gateway instance ends up with the same salt for a day. Cached
 * in memory; salts older than yesterday are deleted, after which that day's visitor keys are anonymous.
 */
@Component
class VisitorSalts {

    static final String COLLECTION = "visitor_salts";
    private static final Logger log = LoggerFactory.getLogger(VisitorSalts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Map<LocalDate, byte[]> cache = new ConcurrentHashMap<>();

    @Autowired
    VisitorSalts(ReactiveMongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    VisitorSalts(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Mono<byte[]> saltFor(LocalDate day) {
        byte[] cached = cache.get(day);
        if (cached != null) {
            return Mono.just(cached);
        }
        Query byDay = Query.query(Criteria.where("_id").is(day.toString()));
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Update onlyOnInsert = new Update()
                .setOnInsert("salt", Base64.getEncoder().encodeToString(fresh))
                .setOnInsert("createdAt", Date.from(clock.instant()));
        return mongo.findAndModify(byDay, onlyOnInsert, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION)
                // Two instances upserting the same new day at once: one may lose with a duplicate key; read the winner.
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findOne(byDay, Document.class, COLLECTION))
                .map(doc -> Base64.getDecoder().decode(doc.getString("salt")))
                .doOnNext(salt -> cache.put(day, salt));
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "1m")
    void deleteOldSalts() {
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        cache.keySet().removeIf(day -> day.isBefore(yesterday));
        try {
            Long deleted = mongo.remove(Query.query(Criteria.where("_id").lt(yesterday.toString())), COLLECTION)
                    .map(result -> result.getDeletedCount())
                    .block(Duration.ofSeconds(30));
            if (deleted != null && deleted > 0) {
                log.info("Deleted {} visitor salt(s) older than {}", deleted, yesterday);
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete old visitor salts: {}", e.toString());
        }
    }
}
