package org.systemarena.eval.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.eval.glm.Design;
import org.systemarena.eval.glm.Encoder;

class EncoderTest {
    private static final double NaN = Double.NaN;

    @Test
    void numericFeatureBecomesClampedZValueQuantileBinsAndMissingIndicator() {
        // Training steps 0-8: 1..8 and one missing. Held out: 100 (above the range), missing, 4.5.
        NumericFeature score = NumericFeature.of("score", 5, 1, 8, 2, NaN, 7, 3, 6, 4, 100, NaN, 4.5);
        Encoder e = Encoder.fit(List.of(score), new int[] {0}, range(0, 9), 4, 20);
        // z, 4 bins (edges at the 2nd, 4th and 6th of the 8 sorted values: 3, 5, 7), missing.
        assertThat(e.width(0)).isEqualTo(6);
        assertThat(e.columns()).isEqualTo(7);

        Design d = e.encode(new int[] {1, 0, 9, 10, 11});
        double sd = Math.sqrt(5.25);
        assertThat(d.dense).isEqualTo(1);
        assertThat(d.values[0]).isCloseTo((1 - 4.5) / sd, within(1e-15));
        assertThat(d.values[1]).isCloseTo((5 - 4.5) / sd, within(1e-15));
        assertThat(d.values[2]).as("clamped to the training maximum").isCloseTo((8 - 4.5) / sd, within(1e-15));
        assertThat(d.values[3]).as("missing").isZero();
        assertThat(d.groups).isEqualTo(1);
        assertThat(d.active).containsExactly(0, 2, 3, 4, 1);
        double bin = 1 / Math.sqrt(2.0 / 9 * 7.0 / 9);
        double missing = 1 / Math.sqrt(1.0 / 9 * 8.0 / 9);
        assertThat(d.scale).containsExactly(new double[] {bin, bin, bin, bin, missing}, within(1e-15));
    }

    @Test
    void categoricalKeepsFrequentLevelsUpToTheCapAndPoolsTheRest() {
        // Training counts: a 6, b 5, c 4, d 7, f 1, missing 2; e never in training. Cap 2: d and a kept.
        StringBuilder codes = new StringBuilder("aaaaaabbbbbccccdddddddf..");
        int n = codes.length();
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(codes.charAt(i) == '.' ? null : String.valueOf(codes.charAt(i)));
        }
        values.add("e");
        values.add("b");
        values.add(null);
        List<String> levels = List.of("a", "b", "c", "d", "e", "f");
        int[] code = new int[values.size()];
        for (int i = 0; i < code.length; i++) {
            code[i] = values.get(i) == null ? -1 : levels.indexOf(values.get(i));
        }
        CategoricalFeature region = new CategoricalFeature("region", code, levels);
        Encoder e = Encoder.fit(List.of(region), new int[] {0}, range(0, n), 4, 2);
        // d, a, other (b, c, f and unseen levels), missing.
        assertThat(e.width(0)).isEqualTo(4);
        Design d = e.encode(new int[] {0, 20, 6, 11, n, n + 1, n + 2});
        assertThat(d.dense).isZero();
        assertThat(d.active).containsExactly(1, 0, 2, 2, 2, 2, 3);
        assertThat(d.scale[0]).isCloseTo(1 / Math.sqrt(7.0 / n * (n - 7.0) / n), within(1e-15));
        assertThat(d.scale[2]).isCloseTo(1 / Math.sqrt(10.0 / n * (n - 10.0) / n), within(1e-15));
    }

    @Test
    void columnsConstantOnTheTrainingRowsAreLeftOut() {
        // Constant on the training rows (steps 0-3), varying only in the held-out step.
        NumericFeature flat = NumericFeature.of("flat", 2, 2, 2, 2, 9);
        CategoricalFeature one = new CategoricalFeature("one", new int[] {0, 0, 0, 0, 1}, List.of("x", "y"));
        NumericFeature flag = NumericFeature.of("flag", 0, 1, 1, 0, 1);
        Encoder e = Encoder.fit(List.of(flat, one, flag), new int[] {0, 1, 2}, range(0, 4), 4, 20);
        assertThat(e.width(0)).isZero();
        assertThat(e.width(1)).isZero();
        // A boolean: z and two bins.
        assertThat(e.width(2)).isEqualTo(3);
        Design d = e.encode(range(0, 5));
        assertThat(d.active).containsExactly(0, 1, 1, 0, 1);
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
