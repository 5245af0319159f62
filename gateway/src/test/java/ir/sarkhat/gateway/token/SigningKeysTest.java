package ir.sarkhat.gateway.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import ir.sarkhat.kit.test.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotation publishes a key before it signs, and a scheduled rotation happens once for all instances. */
class SigningKeysTest {

    private static MongoClient client;
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "keys-" + UUID.randomUUID());
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-10T12:00:00Z"));
    private final SecurityProperties properties = new SecurityProperties("sarkhat", Duration.ofMinutes(15),
            Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofDays(30), Duration.ofHours(12), Duration.ofDays(7));

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri("unused"));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aRotatedKeyIsPublishedAtOnceAndSignsOnlyAfterTheActivationDelay() {
        SigningKeys keys = new SigningKeys(mongo, properties, clock);
        keys.afterPropertiesSet();
        String first = keys.signingKey().getKeyID();

        clock.advance(Duration.ofDays(1));
        String added = keys.rotate().block();
        assertThat(added).isNotEqualTo(first);
        assertThat(keys.publicKeys().getKeyByKeyId(added)).as("published at once").isNotNull();
        assertThat(keys.signingKey().getKeyID()).as("not signing yet").isEqualTo(first);

        // Another instance that reads the set now also keeps signing with the old key.
        SigningKeys other = new SigningKeys(mongo, properties, clock);
        other.afterPropertiesSet();
        assertThat(other.signingKey().getKeyID()).isEqualTo(first);

        clock.advance(Duration.ofMinutes(3));
        keys.refresh();
        other.refresh();
        assertThat(keys.signingKey().getKeyID()).isEqualTo(added);
        assertThat(other.signingKey().getKeyID()).isEqualTo(added);
        assertThat(keys.publicKeys().getKeyByKeyId(first)).as("the previous key still verifies").isNotNull();
    }

    @Test
    void aScheduledRotationHappensOnceWhateverTheNumberOfInstances() {
        SigningKeys one = new SigningKeys(mongo, properties, clock);
        SigningKeys two = new SigningKeys(mongo, properties, clock);
        one.afterPropertiesSet();
        two.afterPropertiesSet();
        assertThat(count()).isEqualTo(1);

        clock.advance(Duration.ofDays(10));
        one.refresh();
        assertThat(count()).as("not due yet").isEqualTo(1);

        clock.advance(Duration.ofDays(21));
        one.refresh();
        two.refresh();
        assertThat(count()).isEqualTo(2);
    }

    private long count() {
        return mongo.count(new Query(), SigningKeys.COLLECTION).block();
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
