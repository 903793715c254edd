package org.systemarena.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void linearInterpolationLikeNumpyDefault() {
        // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 97.5, 100]) = [1, 1.75, 2.5, 3.925, 4]
        double[] x = {1, 2, 3, 4};
        assertThat(Percentiles.ofSorted(x, 4, 0.0)).isEqualTo(1.0);
        assertThat(Percentiles.ofSorted(x, 4, 0.25)).isEqualTo(1.75);
        assertThat(Percentiles.ofSorted(x, 4, 0.5)).isEqualTo(2.5);
        assertThat(Percentiles.ofSorted(x, 4, 0.975)).isEqualTo(3.925, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Percentiles.ofSorted(x, 4, 1.0)).isEqualTo(4.0);
    }

    @Test
    void undefinedValuesCountAgainstTheIntervalOnBothSides() {
        double[] values = {4, Double.NaN, 1, 3, 2};
        // Lower end over (-inf, 1, 2, 3, 4), upper over (1, 2, 3, 4, +inf): h = 1 and 3, no interpolation.
        assertThat(Percentiles.centralIntervalCountingUndefined(values, 0.5)).containsExactly(1.0, 4.0);
        assertThat(values).containsExactly(4, Double.NaN, 1, 3, 2);
        assertThat(Percentiles.countNaN(values)).isEqualTo(1);
        // Without NaN it is the plain type-7 interval: numpy.percentile([1, 2, 3, 4], [25, 75]) = [1.75, 3.25].
        assertThat(Percentiles.centralIntervalCountingUndefined(new double[] {4, 1, 3, 2}, 0.5))
                .containsExactly(1.75, 3.25);
    }

    @Test
    void moreUndefinedThanATailMakesTheIntervalUnbounded() {
        // (-inf, -inf, 1, 2) at h = 0.75 and (1, 2, +inf, +inf) at h = 2.25: an infinite neighbour wins.
        assertThat(Percentiles.centralIntervalCountingUndefined(new double[] {Double.NaN, 1, Double.NaN, 2}, 0.5))
                .containsExactly(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertThat(Percentiles.centralIntervalCountingUndefined(new double[] {Double.NaN}, 0.95))
                .containsExactly(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertThat(Percentiles.centralIntervalCountingUndefined(new double[0], 0.95))
                .containsExactly(Double.NaN, Double.NaN);
        // One undefined value in 41 is within a 2.5% tail of a 95% interval (h = 1 on each side): bounded.
        double[] values = new double[41];
        for (int i = 0; i < 40; i++) {
            values[i] = i;
        }
        values[40] = Double.NaN;
        double[] interval = Percentiles.centralIntervalCountingUndefined(values, 0.95);
        assertThat(interval[0]).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(interval[1]).isCloseTo(39.0, org.assertj.core.api.Assertions.within(1e-12));
    }
}
