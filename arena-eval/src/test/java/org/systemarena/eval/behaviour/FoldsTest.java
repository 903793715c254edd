package org.systemarena.eval.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.systemarena.eval.glm.Folds;

class FoldsTest {
    @Test
    void fewCasesGetFewerFoldsOfAtLeastTwoCases() {
        assertThat(Folds.effective(0, 5)).isEqualTo(1);
        assertThat(Folds.effective(1, 5)).isEqualTo(1);
        assertThat(Folds.effective(2, 5)).isEqualTo(2);
        assertThat(Folds.effective(3, 5)).isEqualTo(2);
        assertThat(Folds.effective(7, 5)).isEqualTo(3);
        assertThat(Folds.effective(9, 5)).isEqualTo(4);
        assertThat(Folds.effective(10, 5)).isEqualTo(5);
        assertThat(Folds.effective(1_000, 5)).isEqualTo(5);
    }

    @Test
    void casesAreDealtEvenlyAndDeterministicallyFromTheSeed() {
        int[] a = Folds.assign(103, 5, 42);
        assertThat(Folds.assign(103, 5, 42)).isEqualTo(a);
        assertThat(Folds.assign(103, 5, 43)).isNotEqualTo(a);
        int[] size = new int[5];
        for (int f : a) {
            size[f]++;
        }
        assertThat(size).containsExactly(21, 21, 21, 20, 20);
        // Shuffled, not dealt in case order.
        assertThat(a).isNotEqualTo(inOrder(103, 5));
    }

    private static int[] inOrder(int cases, int folds) {
        int[] f = new int[cases];
        for (int c = 0; c < cases; c++) {
            f[c] = c % folds;
        }
        return f;
    }
}
