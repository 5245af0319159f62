package ir.sarkhat.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListener;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import ir.sarkhat.kit.events.IncomingEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@link RevokedSessions} from the gateway's {@code sarkhat.staff.sessions-revoked.v1} events. Each instance reads
 * every partition (its consumer group is its own) and, on assignment, starts {@code lookback} back in time, so an
 * instance that starts, restarts or rejoins still knows every session ended while the tokens of those sessions can be
 * valid. It never throws: an unreadable record is logged and skipped (there is nothing to retry, and a dead letter
 * per instance would be noise).
 */
final class SessionRevocationListener implements MessageListener<String, String>, ConsumerSeekAware {

    static final String TYPE = "sarkhat.staff.sessions-revoked.v1";
    private static final Logger log = LoggerFactory.getLogger(SessionRevocationListener.class);

    private final RevokedSessions revoked;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration lookback;

    SessionRevocationListener(RevokedSessions revoked, JsonMapper json, Clock clock, Duration lookback) {
        this.revoked = revoked;
        this.json = json;
        this.clock = clock;
        this.lookback = lookback;
    }

    /** The fields read here of {@code contracts/events/staff-sessions-revoked.v1.schema.json}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionsRevoked(String username, List<String> sessionIds, Boolean allSessions, Instant revokedBefore,
            Instant tokensExpireBy) {
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(assignments.keySet(), clock.instant().minus(lookback).toEpochMilli());
    }

    @Override
    public void onMessage(ConsumerRecord<String, String> record) {
        try {
            IncomingEvent event = IncomingEvent.from(record);
            if (!TYPE.equals(event.type())) {
                return;
            }
            SessionsRevoked data = json.readValue(event.data(), SessionsRevoked.class);
            if (data.username() == null || data.tokensExpireBy() == null) {
                throw new IllegalArgumentException("username and tokensExpireBy are required");
            }
            revoked.revoke(data.username(), data.sessionIds() == null ? List.of() : data.sessionIds(),
                    Boolean.TRUE.equals(data.allSessions()), data.revokedBefore(), data.tokensExpireBy());
        } catch (RuntimeException unreadable) {
            log.warn("Skipping an unreadable session revocation {}@{}-{}: {}", record.topic(), record.partition(),
                    record.offset(), unreadable.toString());
        }
    }
}
