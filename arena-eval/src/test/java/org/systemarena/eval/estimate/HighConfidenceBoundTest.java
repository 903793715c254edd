package org.systemarena.eval.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The empirical Bernstein interval against an independent computation of the same formula (Python, with the grid,
 * the union bound and the clip search written out again; the values are pasted here).
 */
class HighConfidenceBoundTest {
    private static boolean[] all(int n) {
        boolean[] used = new boolean[n];
        Arrays.fill(used, true);
        return used;
    }

    @Test
    void onPolicyHalfPositive() {
        // 1,000 cases with weight 1, half positive: mean 0.5, variance 250 / 999, ln(2 * 20 / 0.025) inside.
        double[] w = new double[1000];
        double[] r = new double[1000];
        Arrays.fill(w, 1.0);
        Arrays.fill(r, 0, 500, 1.0);
        HighConfidenceBound.Interval i = HighConfidenceBound.of(w, r, all(1000), 0.025);
        assertThat(i.lower()).isCloseTo(0.4220014601523689, within(1e-12));
        assertThat(i.upper()).isCloseTo(0.577998539847631, within(1e-12));
        assertThat(i.lowerClip()).isEqualTo(1.0);
        assertThat(i.covers(0.5)).isTrue();
    }

    @Test
    void theClipIsChosenFromTheGrid() {
        // Weights cycling 0, 0.5, 1, 2.5 and rewards in blocks of four: clipping at 2 beats 1 and 4 on both sides.
        double[] w = new double[400];
        double[] r = new double[400];
        for (int i = 0; i < 400; i++) {
            w[i] = new double[] {0, 0.5, 1, 2.5}[i % 4];
            r[i] = (i / 4) % 2;
        }
        HighConfidenceBound.Interval i = HighConfidenceBound.of(w, r, all(400), 0.025);
        assertThat(i.lower()).isCloseTo(0.22009786802803938, within(1e-12));
        assertThat(i.upper()).isCloseTo(0.7799021319719606, within(1e-12));
        assertThat(i.lowerClip()).isEqualTo(2.0);
        assertThat(i.upperClip()).isEqualTo(2.0);
    }

    @Test
    void fewHeavyWeightsSayNothingAndUnusedCasesDoNotCount() {
        // One case in eight carries weight 8: the bound cannot leave [0, 1].
        double[] w = new double[300];
        double[] r = new double[300];
        for (int i = 0; i < 300; i++) {
            w[i] = i % 8 == 0 ? 8.0 : 0.0;
            r[i] = i % 16 == 0 ? 1.0 : 0.0;
        }
        HighConfidenceBound.Interval i = HighConfidenceBound.of(w, r, all(300), 0.025);
        assertThat(i.lower()).isZero();
        assertThat(i.upper()).isEqualTo(1.0);
        // Marking cases unused is the same as leaving them out.
        double[] w2 = new double[1000];
        double[] r2 = new double[1000];
        Arrays.fill(w2, 1.0);
        Arrays.fill(r2, 0, 500, 1.0);
        double[] w3 = Arrays.copyOf(w2, 1500);
        double[] r3 = Arrays.copyOf(r2, 1500);
        boolean[] u3 = Arrays.copyOf(all(1000), 1500);
        Arrays.fill(w3, 1000, 1500, 99.0);
        assertThat(HighConfidenceBound.of(w3, r3, u3, 0.025)).isEqualTo(HighConfidenceBound.of(w2, r2, all(1000),
                0.025));
        assertThat(HighConfidenceBound.of(new double[1], new double[1], all(1), 0.025))
                .isEqualTo(HighConfidenceBound.Interval.VACUOUS);
    }
}
