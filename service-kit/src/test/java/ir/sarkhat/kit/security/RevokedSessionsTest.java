package ir.sarkhat.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;

import tools.jackson.databind.json.JsonMapper;

class RevokedSessionsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T21:00:00.700Z");
    private static final Instant SECOND = Instant.parse("2026-11-28T21:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RevokedSessions revoked = new RevokedSessions(clock);

    @Test
    void aSessionsTokensAreRefusedWhateverTheirIssueTimeAndNothingElse() {
        revoked.revoke("maryam", List.of("s1"), false, SECOND, NOW.plus(Duration.ofMinutes(15)));
        assertThat(revoked.isRevoked("maryam", "s1", SECOND.plusSeconds(5))).isTrue();
        assertThat(revoked.isRevoked("maryam", "s2", SECOND.minusSeconds(60))).as("another session").isFalse();
        assertThat(revoked.isRevoked("maryam", null, SECOND.minusSeconds(60))).as("a session only").isFalse();
    }

    @Test
    void anAccountsTokensIssuedBeforeTheSecondAreRefusedAndTheLaterRevocationWins() {
        revoked.revoke("reza", List.of(), true, SECOND, NOW.plus(Duration.ofMinutes(15)));
        assertThat(revoked.isRevoked("reza", "any", SECOND.minusSeconds(1))).isTrue();
        assertThat(revoked.isRevoked("reza", "any", SECOND)).as("a sign-in in the same second").isFalse();
        assertThat(revoked.isRevoked("someone-else", "any", SECOND.minusSeconds(1))).isFalse();

        revoked.revoke("reza", List.of(), true, SECOND.minusSeconds(100), NOW.plus(Duration.ofMinutes(1)));
        assertThat(revoked.isRevoked("reza", "any", SECOND.minusSeconds(1))).as("an older event changes nothing")
                .isTrue();
        revoked.revoke("reza", List.of(), true, SECOND.plusSeconds(10), NOW.plus(Duration.ofMinutes(15)));
        assertThat(revoked.isRevoked("reza", "any", SECOND.plusSeconds(5))).isTrue();
    }

    @Test
    void aRevocationWhoseTokensHaveAllExpiredIsNotKept() {
        revoked.revoke("old", List.of("s-old"), true, SECOND.minusSeconds(3600),
                NOW.minus(RevokedSessions.CLOCK_SKEW).minusSeconds(1));
        assertThat(revoked.isRevoked("old", "s-old", SECOND.minusSeconds(4000))).isFalse();
    }

    @Test
    void anInstanceReadsBackTheLookbackWhenItGetsItsPartitions() {
        SessionRevocationListener listener = new SessionRevocationListener(revoked, JsonMapper.builder().build(), clock,
                Duration.ofMinutes(30));
        ConsumerSeekCallback callback = mock(ConsumerSeekCallback.class);
        Map<TopicPartition, Long> assigned = Map.of(new TopicPartition("staff-sessions", 0), 0L,
                new TopicPartition("staff-sessions", 1), 0L);
        listener.onPartitionsAssigned(assigned, callback);
        verify(callback).seekToTimestamp(Set.copyOf(assigned.keySet()),
                NOW.minus(Duration.ofMinutes(30)).toEpochMilli());
    }
}
