package org.systemarena.eval.glm;

import java.util.Arrays;

/**
 * Exact order statistics by selection rather than sorting: bin edges need three or so of them per numeric feature and
 * fold, and sorting every fold's training values cost more than the fit's Newton steps.
 */
public final class OrderStatistics {
    /** Below this, a range is sorted: selection's bookkeeping does not pay there. */
    private static final int SORT_BELOW = 32;

    private OrderStatistics() {
    }

    /**
     * The values of ascending {@code ranks} (0-based) among {@code values[0..count)}, which are reordered. Three-way
     * partitioning keeps many equal values (booleans, counts) linear; a range that stops shrinking is sorted, so the
     * worst case is that of a sort.
     */
    public static double[] select(double[] values, int count, int[] ranks) {
        double[] out = new double[ranks.length];
        select(values, 0, count, ranks, 0, ranks.length, out, 0);
        return out;
    }

    private static void select(double[] a, int from, int to, int[] ranks, int rFrom, int rTo, double[] out,
            int depth) {
        while (rFrom < rTo) {
            if (to - from <= SORT_BELOW || depth > 64) {
                Arrays.sort(a, from, to);
                for (int r = rFrom; r < rTo; r++) {
                    out[r] = a[ranks[r]];
                }
                return;
            }
            double pivot = medianOfThree(a[from], a[from + (to - from) / 2], a[to - 1]);
            // a[from..lt) < pivot, a[lt..i) == pivot, a(gt..to) > pivot
            int lt = from;
            int i = from;
            int gt = to - 1;
            while (i <= gt) {
                double v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            int eqTo = gt + 1;
            int below = rFrom;
            while (below < rTo && ranks[below] < lt) {
                below++;
            }
            int equal = below;
            while (equal < rTo && ranks[equal] < eqTo) {
                out[equal++] = pivot;
            }
            depth++;
            if (below - rFrom > 0) {
                select(a, from, lt, ranks, rFrom, below, out, depth);
            }
            from = eqTo;
            rFrom = equal;
        }
    }

    private static double medianOfThree(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
