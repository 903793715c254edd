package org.systemarena.eval.glm;

import java.util.Arrays;

/**
 * The data part of a multinomial log-likelihood's Hessian: for every column pair {@code c <= c2}, the symmetric
 * class block {@code B(c, c2) = sum_i x_ic x_ic2 A_i} with {@code A_i = omega (diag p_i - p_i p_i')}. This is where
 * a Newton fit spends its time, hence the layout:
 *
 * <ul>
 *   <li>Each {@code A_i}'s rows sum to 0 (the probabilities sum to 1), so only its entries among all classes but one
 *       (the {@code derived} class) are accumulated, {@code (K - 1) K / 2} per column pair instead of
 *       {@code K (K + 1) / 2}; the derived class's entries are minus their row sums, exactly as the algebra says.
 *       Taking the most frequent class as the derived one keeps those differences from cancelling badly.</li>
 *   <li>Blocks with a dense column are updated by loops that index source and target alike (one array per
 *       target row), which the JIT turns into vector instructions; indicator pairs only add {@code A_i} (their
 *       scales are applied once, when a block is read). An indicator's block with itself is not accumulated at all:
 *       it is its block with the intercept times its scale.</li>
 * </ul>
 */
final class HessianBlocks {
    private final Design x;
    private final int classes;
    /** The accumulated classes: all but the derived one, in order. */
    private final int[] others;
    private final int derived;
    /** Pairs (ik <= il) of positions in {@code others}, and their index. */
    private final int pairs;
    private final int[] pairOf;
    private final int dd;
    private final int ps;
    private final int span;
    /** Per dense column j (intercept first): entries (j2 * pairs + t) for j2 >= j. */
    private final double[][] dense;
    /** Per indicator column: entries (j * pairs + t) for every dense column j. */
    private final double[][] mixed;
    /** Indicator pairs (s < s2): ((s * ps + s2) * pairs + t), without the scales. */
    private final double[] sparse;

    HessianBlocks(Design x, int classes, int derived) {
        this.x = x;
        this.classes = classes;
        this.derived = derived;
        others = new int[classes - 1];
        for (int k = 0, o = 0; k < classes; k++) {
            if (k != derived) {
                others[o++] = k;
            }
        }
        int m = others.length;
        pairOf = new int[m * m];
        int t = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                pairOf[a * m + b] = t;
                pairOf[b * m + a] = t;
                t++;
            }
        }
        pairs = t;
        dd = 1 + x.dense;
        ps = x.sparse();
        span = dd * pairs;
        dense = new double[dd][span];
        mixed = new double[ps][span];
        sparse = new double[ps * ps * pairs];
    }

    /** Recomputes every block at the rows' class probabilities {@code prob} (rows x classes). */
    void accumulate(double[] prob, double omega) {
        for (double[] d : dense) {
            Arrays.fill(d, 0.0);
        }
        for (double[] d : mixed) {
            Arrays.fill(d, 0.0);
        }
        Arrays.fill(sparse, 0.0);
        int m = others.length;
        int nd = x.dense;
        double[] a = new double[pairs];
        double[] xd = new double[dd];
        double[] xa = new double[span];
        int[] cols = new int[x.groups];
        xd[0] = 1.0;
        for (int i = 0; i < x.rows; i++) {
            int at = i * classes;
            int t = 0;
            for (int ia = 0; ia < m; ia++) {
                double pk = omega * prob[at + others[ia]];
                a[t++] = pk - pk * prob[at + others[ia]];
                for (int ib = ia + 1; ib < m; ib++) {
                    a[t++] = -pk * prob[at + others[ib]];
                }
            }
            System.arraycopy(x.values, i * nd, xd, 1, nd);
            for (int j = 0; j < dd; j++) {
                double xj = xd[j];
                int o = j * pairs;
                for (int q = 0; q < pairs; q++) {
                    xa[o + q] = xj * a[q];
                }
            }
            for (int j = 0; j < dd; j++) {
                double[] target = dense[j];
                double xj = xd[j];
                for (int q = j * pairs; q < span; q++) {
                    target[q] += xj * xa[q];
                }
            }
            int n = 0;
            int gi = i * x.groups;
            for (int g = 0; g < x.groups; g++) {
                int c = x.active[gi + g];
                if (c >= 0) {
                    cols[n++] = c;
                }
            }
            for (int e = 0; e < n; e++) {
                int c = cols[e];
                double[] target = mixed[c];
                double s = x.scale[c];
                for (int q = 0; q < span; q++) {
                    target[q] += s * xa[q];
                }
                addPairs(c * ps, cols, e + 1, n, a);
            }
        }
    }

    /**
     * Adds {@code a} to the indicator pairs (c, cols[e..n)), all in later groups; the common pair counts are written
     * out. A column's pair with itself is not needed: it is the intercept's block with the column, divided by the
     * scale.
     */
    private void addPairs(int row, int[] cols, int e, int n, double[] a) {
        double[] acc = sparse;
        switch (pairs) {
            case 1 -> {
                double a0 = a[0];
                for (int f = e; f < n; f++) {
                    acc[row + cols[f]] += a0;
                }
            }
            case 3 -> {
                double a0 = a[0];
                double a1 = a[1];
                double a2 = a[2];
                for (int f = e; f < n; f++) {
                    int o = (row + cols[f]) * 3;
                    acc[o] += a0;
                    acc[o + 1] += a1;
                    acc[o + 2] += a2;
                }
            }
            case 6 -> {
                double a0 = a[0];
                double a1 = a[1];
                double a2 = a[2];
                double a3 = a[3];
                double a4 = a[4];
                double a5 = a[5];
                for (int f = e; f < n; f++) {
                    int o = (row + cols[f]) * 6;
                    acc[o] += a0;
                    acc[o + 1] += a1;
                    acc[o + 2] += a2;
                    acc[o + 3] += a3;
                    acc[o + 4] += a4;
                    acc[o + 5] += a5;
                }
            }
            default -> {
                for (int f = e; f < n; f++) {
                    int o = (row + cols[f]) * pairs;
                    for (int q = 0; q < pairs; q++) {
                        acc[o + q] += a[q];
                    }
                }
            }
        }
    }

    /** Writes block (c, c2), {@code c <= c2}, as {@code out[k * classes + l]} for every class pair. */
    void block(int c, int c2, double[] out) {
        int m = others.length;
        double total = 0.0;
        for (int ia = 0; ia < m; ia++) {
            double rowSum = 0.0;
            for (int ib = 0; ib < m; ib++) {
                double r = raw(c, c2, pairOf[ia * m + ib]);
                out[others[ia] * classes + others[ib]] = r;
                rowSum += r;
            }
            out[others[ia] * classes + derived] = -rowSum;
            out[derived * classes + others[ia]] = -rowSum;
            total += rowSum;
        }
        out[derived * classes + derived] = total;
    }

    private double raw(int c, int c2, int t) {
        if (c2 < dd) {
            return dense[c][c2 * pairs + t];
        }
        int s2 = c2 - dd;
        if (c < dd) {
            return mixed[s2][c * pairs + t];
        }
        int s = c - dd;
        if (s == s2) {
            // sum over the column's rows of scale^2 A_i = scale * (its intercept block, sum of scale A_i)
            return mixed[s][t] * x.scale[s];
        }
        return sparse[(s * ps + s2) * pairs + t] * x.scale[s] * x.scale[s2];
    }
}
