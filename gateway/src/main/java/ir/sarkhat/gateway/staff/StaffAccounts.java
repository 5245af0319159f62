package ir.sarkhat.gateway.staff;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code staff_accounts} collection. Plain documents instead of mapped entities, so the stored shape is exactly
 * the documented one (no {@code _class}). The username is the {@code _id}: unique by construction.
 */
@Component
public class StaffAccounts {

    static final String COLLECTION = "staff_accounts";

    private final ReactiveMongoTemplate mongo;

    StaffAccounts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<StaffAccount> find(String username) {
        return mongo.findById(username, Document.class, COLLECTION).map(StaffAccount::fromDocument);
    }

    /** Inserts a new account; completes with {@code false} when the username is taken. */
    Mono<Boolean> insert(StaffAccount account) {
        return mongo.insert(account.toDocument(), COLLECTION)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /** Every account, by username. Staff lists are small (tens), so no paging. */
    Flux<StaffAccount> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION).map(StaffAccount::fromDocument);
    }

    /** Applies the change and answers the account as it is now; empty when there is no such account. */
    Mono<StaffAccount> update(String username, Update update) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(username)), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION).map(StaffAccount::fromDocument);
    }

    /** Sets the password, enables the account and grants ADMIN; creates the account if it does not exist. */
    Mono<Void> upsertAdmin(String username, String passwordHash) {
        Update update = new Update()
                .set("passwordHash", passwordHash)
                .set("enabled", true)
                .addToSet("roles", Role.ADMIN.name())
                .setOnInsert("createdAt", Date.from(Instant.now()));
        return mongo.upsert(Query.query(Criteria.where("_id").is(username)), update, COLLECTION).then();
    }
}
