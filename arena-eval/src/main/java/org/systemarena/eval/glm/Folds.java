package org.systemarena.eval.glm;

import java.util.SplittableRandom;

/**
 * Assignment of cases to cross-fitting folds: a seeded shuffle of the case indices (Fisher-Yates driven by
 * {@code new SplittableRandom(seed)}), then position mod the number of folds, so fold sizes differ by at most one.
 */
public final class Folds {
    private Folds() {
    }

    /**
     * The folds actually used: as requested while every fold gets at least 2 cases, else as many as keep it so (at
     * least 2); 1 (no cross-fitting) with fewer than 2 cases.
     */
    public static int effective(int cases, int requested) {
        if (cases < 2) {
            return 1;
        }
        return Math.max(2, Math.min(requested, cases / 2));
    }

    /** The fold of each case, in {@code 0..folds-1}. */
    public static int[] assign(int cases, int folds, long seed) {
        int[] order = new int[cases];
        for (int c = 0; c < cases; c++) {
            order[c] = c;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = cases - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[cases];
        for (int position = 0; position < cases; position++) {
            fold[order[position]] = position % folds;
        }
        return fold;
    }
}
