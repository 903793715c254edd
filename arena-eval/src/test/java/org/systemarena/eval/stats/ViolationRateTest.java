package org.systemarena.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.core.manifest.Severity;

class ViolationRateTest {
    private static final int W = Severity.WARNING.ordinal();
    private static final int V = Severity.VIOLATION.ordinal();
    private static final int C = Severity.CRITICAL.ordinal();
    private static final int NONE = ViolationRate.NONE;

    @Test
    void warningsDoNotCountViolationsAndCriticalsDo() {
        ViolationRate r = ViolationRate.fromHighestSeverities(new int[] {NONE, W, V, C, NONE, W, NONE, V});
        assertThat(r.decisions()).isEqualTo(8);
        assertThat(r.violatingDecisions()).isEqualTo(3);
        assertThat(r.rate()).isEqualTo(0.375);
        assertThat(r.perThousand()).isEqualTo(375.0);
    }

    @Test
    void perThousandByHand() {
        ViolationRate r = ViolationRate.of(8_000, 3);
        assertThat(r.rate()).isEqualTo(3.0 / 8_000);
        assertThat(r.perThousand()).isEqualTo(0.375);
        assertThat(ViolationRate.countAtLeast(new int[] {W, W, C}, Severity.WARNING)).isEqualTo(3);
        assertThat(ViolationRate.countAtLeast(new int[] {W, W, C}, Severity.CRITICAL)).isEqualTo(1);
    }

    @Test
    void noDecisionsIsUndefinedAndBadCountsAreRejected() {
        assertThat(ViolationRate.of(0, 0).rate()).isNaN();
        assertThatThrownBy(() -> ViolationRate.of(2, 3)).isInstanceOf(ArenaException.class)
                .hasMessage("violation rate needs 0 <= violating decisions <= decisions, got 3 of 2");
        assertThatThrownBy(() -> ViolationRate.fromHighestSeverities(new int[] {0, 7}))
                .isInstanceOf(ArenaException.class)
                .hasMessage("violation rate: severity code 7 at decision 1 is outside [-1, 2]");
    }
}
