package org.systemarena.eval.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.glm.OrderStatistics;

class OrderStatisticsTest {
    @Test
    void selectionAgreesWithSorting() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(trial < 100 ? 40 : 5_000);
            double[] v = new double[n];
            int shape = trial % 4;
            for (int i = 0; i < n; i++) {
                v[i] = switch (shape) {
                    case 0 -> random.nextGaussian();
                    case 1 -> random.nextInt(3); // many ties
                    case 2 -> i; // sorted
                    default -> n - i; // reversed
                };
            }
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            int[] ranks = {n / 4, n / 2, (int) ((long) 3 * n / 4), n - 1};
            Arrays.sort(ranks);
            double[] got = OrderStatistics.select(v.clone(), n, ranks);
            for (int r = 0; r < ranks.length; r++) {
                assertThat(got[r]).as("trial %d rank %d", trial, ranks[r]).isEqualTo(sorted[ranks[r]]);
            }
        }
    }

    @Test
    void manyEqualValuesStayFast() {
        double[] v = new double[2_000_000];
        Arrays.fill(v, 1.0);
        v[17] = 0.0;
        assertThat(OrderStatistics.select(v, v.length, new int[] {0, 1, v.length - 1})).containsExactly(0.0, 1.0, 1.0);
    }
}
