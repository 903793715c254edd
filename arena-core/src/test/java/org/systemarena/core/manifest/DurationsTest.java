package org.systemarena.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;

class DurationsTest {
    @Test
    void parsesShortAndIsoForms() {
        assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(Durations.parse("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("1.5d")).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(Durations.parse("P1DT2H")).isEqualTo(Duration.ofHours(26));
        assertThat(Durations.format(Duration.ofDays(30))).isEqualTo("30d");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    }

    @Test
    void rejectsBadDurations() {
        assertThatThrownBy(() -> Durations.parse("30 days")).isInstanceOf(ArenaException.class)
                .hasMessage("bad duration '30 days' (expected e.g. 30d, 12h, 90m, 45s, 500ms, 2w or ISO-8601 like P30D)");
    }

    @Test
    void rejectsDurationsLongerThanAnyLog() {
        // Was Long.MAX_VALUE milliseconds (Math.round saturates), and an overflow wherever it was used.
        assertThatThrownBy(() -> Durations.parse("99999999999999999999d")).isInstanceOf(ArenaException.class)
                .hasMessage("duration '99999999999999999999d' is longer than 100 years (36,525 days), longer than any"
                        + " log");
        assertThatThrownBy(() -> Durations.parse("P36526D")).hasMessageContaining("longer than 100 years");
        assertThat(Durations.parse("5217w")).isEqualTo(Duration.ofDays(5217 * 7));
        assertThat(Durations.parse("P36525D")).isEqualTo(Durations.MAX);
        assertThatThrownBy(() -> new RankingSpec(10, Duration.ofDays(40_000))).isInstanceOf(ArenaException.class)
                .hasMessage("ranking.period must be at most 100 years (36,525 days), got PT960000H");
    }

    @Test
    void outcomeCategoriesFollowTheLists() {
        OutcomeSpec spec = new OutcomeSpec(java.util.List.of("converted"), java.util.List.of("lost"), null, null);
        assertThat(spec.categoryOf("converted")).isEqualTo(OutcomeCategory.POSITIVE);
        assertThat(spec.categoryOf("lost")).isEqualTo(OutcomeCategory.NEGATIVE);
        assertThat(spec.categoryOf("other")).isEqualTo(OutcomeCategory.NEUTRAL);
        assertThat(spec.categoryOf(null)).isEqualTo(OutcomeCategory.UNKNOWN);
        assertThat(Severity.parse("critical")).isEqualTo(Severity.CRITICAL);
        assertThatThrownBy(() -> Severity.parse("fatal")).hasMessageContaining("unknown severity 'fatal'");
    }
}
