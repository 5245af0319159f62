package ir.sarkhat.analytics.stats.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import ir.sarkhat.analytics.stats.Period;
import ir.sarkhat.kit.problem.ApiProblem;

class MostViewedRequestTest {

    @Test
    void acceptsTheThreePeriodsAndLimitsFromOneToAHundred() {
        assertThat(MostViewedRequest.parse("24h", "10")).isEqualTo(new MostViewedRequest(Period.LAST_24_HOURS, 10));
        assertThat(MostViewedRequest.parse("7d", "1").period()).isEqualTo(Period.LAST_7_DAYS);
        assertThat(MostViewedRequest.parse("30d", "100").limit()).isEqualTo(100);
    }

    @Test
    void unknownPeriodSaysWhichOnesExist() {
        assertThatThrownBy(() -> MostViewedRequest.parse("1y", "10"))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("24h, 7d, 30d");
    }

    @Test
    void limitOutsideOneToAHundredOrNotANumberIsRefused() {
        for (String limit : new String[] { "0", "101", "-5", "ten", "1.5", "" }) {
            assertThatThrownBy(() -> MostViewedRequest.parse("24h", limit))
                    .as("limit %s", limit)
                    .isInstanceOf(ApiProblem.class)
                    .hasMessageContaining("from 1 to 100");
        }
    }
}
