package ir.sarkhat.comment.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import ir.sarkhat.kit.problem.ApiProblem;

class SignedLinksTest {

    static final Instant NOW = Instant.parse("2026-03-20T08:00:00Z");
    final SignedLinks links = new SignedLinks("secret-1", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLinkSaysWhichCommentAndWhatToDoAndExpiresAfterSevenDays() {
        LinkClaim claim = links.verify(links.issue("6650f2d3a1b2c3d4e5f60801", LinkAction.APPROVE));
        assertThat(claim).isEqualTo(new LinkClaim("6650f2d3a1b2c3d4e5f60801", LinkAction.APPROVE,
                NOW.plus(Duration.ofDays(7))));
        assertThat(links.verify(links.issue("c1", LinkAction.UNSUBSCRIBE)).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void linksAreUrlSafe() {
        assertThat(links.issue("6650f2d3a1b2c3d4e5f60801", LinkAction.SPAM)).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void anExpiredLinkIsGone() {
        String token = links.issue("c1", LinkAction.APPROVE, NOW.minusSeconds(1));
        assertThatThrownBy(() -> links.verify(token)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status().value()).isEqualTo(410));
    }

    @Test
    void aLinkFromAnotherSecretOrWithAChangedPayloadIsInvalid() {
        String other = new SignedLinks("secret-2", Clock.fixed(NOW, ZoneOffset.UTC)).issue("c1", LinkAction.APPROVE);
        assertInvalid(other);
        String approve = links.issue("c1", LinkAction.APPROVE);
        String spam = links.issue("c1", LinkAction.SPAM);
        assertInvalid(spam.substring(0, spam.indexOf('.')) + approve.substring(approve.indexOf('.')));
        assertInvalid("");
        assertInvalid("no-dot");
        assertInvalid("a.b.c");
        assertInvalid("%%%.###");
        assertInvalid(null);
    }

    private void assertInvalid(String token) {
        assertThatThrownBy(() -> links.verify(token)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status().value()).isEqualTo(400));
    }
}
