package ir.sarkhat.gateway.pageview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import ir.sarkhat.kit.test.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

class VisitorSaltsTest {

    private static MongoClient client;
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "salts-" + UUID.randomUUID());
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri("unused"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void twoInstancesAgreeOnTheDaysSaltAndDaysDiffer() {
        LocalDate day = LocalDate.of(2026, 3, 10);
        byte[] first = new VisitorSalts(mongo, clock).saltFor(day).block();
        byte[] second = new VisitorSalts(mongo, clock).saltFor(day).block();
        byte[] nextDay = new VisitorSalts(mongo, clock).saltFor(day.plusDays(1)).block();

        assertThat(first).hasSize(32).isEqualTo(second).isNotEqualTo(nextDay);
        Document stored = mongo.findById("2026-03-10", Document.class, VisitorSalts.COLLECTION).block();
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "salt", "createdAt");
    }

    @Test
    void saltsOlderThanYesterdayAreDeleted() {
        VisitorSalts salts = new VisitorSalts(mongo, clock);
        for (int daysAgo = 0; daysAgo <= 3; daysAgo++) {
            salts.saltFor(LocalDate.of(2026, 3, 10).minusDays(daysAgo)).block();
        }
        salts.deleteOldSalts();

        assertThat(mongo.find(new Query(), Document.class, VisitorSalts.COLLECTION).map(d -> d.getString("_id"))
                .collectList().block()).containsExactlyInAnyOrder("2026-03-10", "2026-03-09");
    }

    @Test
    void visitorKeysAre32HexCharsAndDependOnSaltIpAndUserAgent() {
        byte[] salt = new byte[32];
        byte[] otherSalt = new byte[32];
        otherSalt[0] = 1;
        String key = VisitorKeys.of(salt, "203.0.113.7", "UA");

        assertThat(key).matches("[0-9a-f]{32}").isEqualTo(VisitorKeys.of(salt, "203.0.113.7", "UA"));
        assertThat(key).isNotEqualTo(VisitorKeys.of(otherSalt, "203.0.113.7", "UA"))
                .isNotEqualTo(VisitorKeys.of(salt, "203.0.113.8", "UA"))
                .isNotEqualTo(VisitorKeys.of(salt, "203.0.113.7", "UA2"))
                .doesNotContain("203");
    }
}
