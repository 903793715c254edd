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
    void centralIntervalIgnoresNaNAndDoesNotSortTheInput() {
        double[] values = {4, Double.NaN, 1, 3, 2};
        assertThat(Percentiles.centralInterval(values, 0.5)).containsExactly(1.75, 3.25);
        assertThat(values).containsExactly(4, Double.NaN, 1, 3, 2);
        assertThat(Percentiles.countNaN(values)).isEqualTo(1);
        assertThat(Percentiles.centralInterval(new double[] {Double.NaN}, 0.95)).containsExactly(Double.NaN, Double.NaN);
    }
}
