package org.systemarena.eval.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;

class RankingMetricsTest {
    private static final long DAY = 86_400_000L;
    private static final long JAN_1 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /**
     * Day 0: d1 .9 R, d2 .8, d3 .8 R (ties d2 before d3), d4 .1 R. Top 2 = d1, d2.
     * Day 1: e1 .5 (no relevant item at all).
     * Day 3: f1 unscored R, f2 .2 R, f3 .3. Order f3, f2, f1; top 2 = f3, f2.
     */
    private static List<RankedItem> items() {
        return List.of(
                RankedItem.of("d3", JAN_1 + 5, 0.8, true),
                RankedItem.of("f1", JAN_1 + 3 * DAY, Double.NaN, true),
                RankedItem.of("d1", JAN_1 + DAY - 1, 0.9, true),
                RankedItem.of("e1", JAN_1 + DAY, 0.5, false),
                RankedItem.of("d2", JAN_1, 0.8, false),
                RankedItem.of("f2", JAN_1 + 3 * DAY + 7, 0.2, true),
                RankedItem.of("d4", JAN_1 + 10, 0.1, true),
                RankedItem.of("f3", JAN_1 + 4 * DAY - 1, 0.3, false));
    }

    @Test
    void handComputedPrecisionAndNdcgAtTwo() {
        RankingReport r = RankingMetrics.evaluate(items(), 2, PeriodGrid.utcDays());

        assertThat(r.items()).isEqualTo(8);
        assertThat(r.unscoredItems()).isEqualTo(1);
        assertThat(r.periods()).extracting(PeriodRanking::index)
                .containsExactly(JAN_1 / DAY, JAN_1 / DAY + 1, JAN_1 / DAY + 3);
        assertThat(r.periods().get(0).startEpochMillis()).isEqualTo(JAN_1);

        PeriodRanking day0 = r.periods().get(0);
        assertThat(day0.items()).isEqualTo(4);
        assertThat(day0.selected()).isEqualTo(2);
        assertThat(day0.relevantSelected()).isEqualTo(1); // d1 yes, d2 (tie winner over d3 by id) no
        assertThat(day0.relevantItems()).isEqualTo(3);
        assertThat(day0.precision()).isEqualTo(0.5);
        assertThat(day0.dcg()).isEqualTo(1.0);
        assertThat(day0.idcg()).isCloseTo(1 + 1 / LOG2_3, within(1e-15));
        assertThat(day0.ndcg()).isCloseTo(1 / (1 + 1 / LOG2_3), within(1e-15));

        PeriodRanking day1 = r.periods().get(1);
        assertThat(day1.selected()).isEqualTo(1);
        assertThat(day1.precision()).isEqualTo(0.0);
        assertThat(day1.idcg()).isZero();
        assertThat(day1.ndcg()).isNaN();

        PeriodRanking day3 = r.periods().get(2);
        assertThat(day3.relevantSelected()).isEqualTo(1);
        assertThat(day3.dcg()).isCloseTo(1 / LOG2_3, within(1e-15));
        assertThat(day3.ndcg()).isCloseTo((1 / LOG2_3) / (1 + 1 / LOG2_3), within(1e-15));

        assertThat(r.selected()).isEqualTo(5);
        assertThat(r.relevantSelected()).isEqualTo(2);
        assertThat(r.microPrecision()).isEqualTo(0.4);
        assertThat(r.macroPrecision()).isCloseTo(1.0 / 3.0, within(1e-15));
        // The two defined NDCGs are 1/(1+c) and c/(1+c) with c = 1/log2(3): their mean is exactly 1/2.
        assertThat(r.ndcg()).isCloseTo(0.5, within(1e-15));
        assertThat(r.ndcgPeriods()).isEqualTo(2);
        assertThat(r.periodsWithoutRelevant()).isEqualTo(1);
    }

    @Test
    void kLargerThanEveryPeriodSelectsEverythingAndMicroIsTheRelevantShare() {
        RankingReport r = RankingMetrics.evaluate(items(), 10, PeriodGrid.utcDays());
        assertThat(r.selected()).isEqualTo(8);
        assertThat(r.microPrecision()).isEqualTo(5.0 / 8.0);
        assertThat(r.macroPrecision()).isCloseTo((3.0 / 4 + 0 + 2.0 / 3) / 3, within(1e-15));
    }

    @Test
    void oneLongPeriodPoolsTheDays() {
        RankingReport r = RankingMetrics.evaluate(items(), 3, new PeriodGrid(Duration.ofDays(7), JAN_1));
        assertThat(r.periods()).singleElement().satisfies(p -> {
            assertThat(p.index()).isZero();
            // d1 .9 R, d2 .8, d3 .8 R
            assertThat(p.relevantSelected()).isEqualTo(2);
            assertThat(p.dcg()).isCloseTo(1 + 0.5, within(1e-15));
            assertThat(p.idcg()).isCloseTo(1 + 1 / LOG2_3 + 0.5, within(1e-15));
        });
    }

    @Test
    void perfectRankingHasNdcgOne() {
        RankingReport r = RankingMetrics.evaluate(List.of(RankedItem.of("a", 0, 3, true),
                RankedItem.of("b", 1, 2, true), RankedItem.of("c", 2, 1, false)), 2, PeriodGrid.utcDays());
        assertThat(r.ndcg()).isEqualTo(1.0);
        assertThat(r.microPrecision()).isEqualTo(1.0);
    }

    @Test
    void gradedGainsWeighTheIdealRanking() {
        RankingReport r = RankingMetrics.evaluate(List.of(new RankedItem("a", 0, 3, true, 1),
                new RankedItem("b", 1, 2, true, 3)), 1, PeriodGrid.utcDays());
        assertThat(r.periods().get(0).dcg()).isEqualTo(1.0);
        assertThat(r.periods().get(0).idcg()).isEqualTo(3.0);
        assertThat(r.ndcg()).isCloseTo(1.0 / 3.0, within(1e-15));
    }

    @Test
    void periodIndexIsAFloorDivisionFromTheOrigin() {
        PeriodGrid sixHours = new PeriodGrid(Duration.ofHours(6), 3_600_000L);
        assertThat(sixHours.index(3_600_000L)).isZero();
        assertThat(sixHours.index(3_600_000L + 6 * 3_600_000L - 1)).isZero();
        assertThat(sixHours.index(3_600_000L + 6 * 3_600_000L)).isEqualTo(1);
        assertThat(sixHours.index(3_599_999L)).isEqualTo(-1);
        assertThat(sixHours.startMillis(-1)).isEqualTo(3_600_000L - 6 * 3_600_000L);
        assertThat(PeriodGrid.utcDays().index(-1)).isEqualTo(-1);
    }

    @Test
    void emptyInputHasUndefinedMetrics() {
        RankingReport r = RankingMetrics.evaluate(List.of(), 5, PeriodGrid.utcDays());
        assertThat(r.periods()).isEmpty();
        assertThat(r.microPrecision()).isNaN();
        assertThat(r.macroPrecision()).isNaN();
        assertThat(r.ndcg()).isNaN();
    }

    @Test
    void badInputIsRejectedWithTheValue() {
        assertThatThrownBy(() -> RankingMetrics.evaluate(List.of(RankedItem.of("a", 0, 1, true),
                RankedItem.of("a", 5, 2, false)), 1, PeriodGrid.utcDays()))
                .isInstanceOf(ArenaException.class).hasMessage("ranking: decision id 'a' appears more than once");
        assertThatThrownBy(() -> RankingMetrics.evaluate(List.of(), 0, PeriodGrid.utcDays()))
                .isInstanceOf(ArenaException.class).hasMessage("ranking K must be positive, got 0");
        assertThatThrownBy(() -> PeriodGrid.of(Duration.ofNanos(1500)))
                .isInstanceOf(ArenaException.class)
                .hasMessage("ranking period must be a positive whole number of milliseconds, got PT0.0000015S");
        assertThatThrownBy(() -> new RankedItem("x", 0, 1, true, -1))
                .isInstanceOf(ArenaException.class).hasMessage("decision 'x': gain must be a finite number >= 0, got -1.0");
    }
}
