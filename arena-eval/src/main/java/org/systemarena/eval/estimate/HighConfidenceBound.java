package org.systemarena.eval.estimate;

/**
 * A high-confidence interval for a target policy's conversion from importance-weighted cases, in the manner of
 * Thomas, Theocharous and Ghavamzadeh (2015, "High confidence off-policy evaluation"): the empirical Bernstein bound
 * of Maurer and Pontil (2009, Theorem 4) on clipped importance-weighted rewards.
 *
 * <p>Lower bound: for X = min(w r, c), which lies in [0, c] and has E[X] &lt;= E[w r] &lt;= V (the target's
 * conversion; E[w r] equals V when the target stays inside the log's support, and is below it otherwise), with
 * probability at least 1 - d:
 * <pre>  V &gt;= mean(X) - sqrt(2 var(X) ln(2/d) / n) - 7 c ln(2/d) / (3 (n - 1))</pre>
 * (var is the unbiased sample variance). Upper bound: the same bound on Y = min(w (1 - r), c) gives a lower bound L'
 * on E[w (1 - r)] &lt;= E_target[1 - r], so V &lt;= 1 - L'. Both sides hold whether or not the target stays inside the
 * log's support (the interval just gets wider), as long as the propensities are right; with an estimated behaviour
 * model they are approximate.
 *
 * <p>The clip c is taken from the fixed grid 1, 2, 4, ..., 2^19 chosen before seeing the data, each grid value at
 * d / 20 (a union bound), and the best bound over the grid is kept; so choosing c from the data costs only
 * ln(20) inside the logarithm and the guarantee stands. Rewards must lie in [0, 1].
 */
public final class HighConfidenceBound {
    /** Number of clip values tried (1, 2, 4, ... 2^(GRID - 1)). */
    static final int GRID = 20;

    /**
     * The interval and the clips that gave each side.
     *
     * @param lower     lower bound on the conversion (at least 0)
     * @param upper     upper bound on the conversion (at most 1)
     * @param lowerClip the clip of w r that gave the lower bound (NaN when no case was used)
     * @param upperClip the clip of w (1 - r) that gave the upper bound
     */
    public record Interval(double lower, double upper, double lowerClip, double upperClip) {
        /** [0, 1] with no clip: what nothing can be said beyond. */
        public static final Interval VACUOUS = new Interval(0.0, 1.0, Double.NaN, Double.NaN);

        public boolean covers(double x) {
            return x >= lower && x <= upper;
        }
    }

    private HighConfidenceBound() {
    }

    /**
     * The two-sided interval holding with probability at least 1 - 2 tail: each side at error {@code tail}.
     *
     * @param weight per case, its importance weight (only cases with {@code used[i]})
     * @param reward per case, in [0, 1]
     */
    public static Interval of(double[] weight, double[] reward, boolean[] used, double tail) {
        if (!(tail > 0.0 && tail < 0.5)) {
            throw new IllegalArgumentException("tail error must be in (0, 0.5), got " + tail);
        }
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        if (n < 2) {
            return Interval.VACUOUS;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0, k = 0; i < used.length; i++) {
            if (used[i]) {
                x[k] = weight[i] * reward[i];
                y[k] = weight[i] * (1.0 - reward[i]);
                k++;
            }
        }
        double[] low = bestLowerBound(x, tail);
        double[] high = bestLowerBound(y, tail);
        double lower = Math.max(0.0, low[0]);
        double upper = Math.min(1.0, 1.0 - high[0]);
        return new Interval(lower, Math.max(lower, upper), low[1], high[1]);
    }

    /** {bound, clip}: the largest grid lower bound on E[min(v, c)], each grid point at error tail / GRID. */
    private static double[] bestLowerBound(double[] v, double tail) {
        double log = Math.log(2.0 * GRID / tail);
        int n = v.length;
        double best = Double.NEGATIVE_INFINITY;
        double bestClip = Double.NaN;
        double max = 0.0;
        for (double a : v) {
            max = Math.max(max, a);
        }
        for (int j = 0; j < GRID; j++) {
            double c = Math.scalb(1.0, j);
            double sum = 0.0;
            for (double a : v) {
                sum += Math.min(a, c);
            }
            double mean = sum / n;
            double ss = 0.0;
            for (double a : v) {
                double d = Math.min(a, c) - mean;
                ss += d * d;
            }
            double variance = ss / (n - 1);
            double bound = mean - Math.sqrt(2.0 * variance * log / n) - 7.0 * c * log / (3.0 * (n - 1));
            if (bound > best) {
                best = bound;
                bestClip = c;
            }
            if (c >= max) {
                break; // larger clips change nothing but the range term, which only grows
            }
        }
        return new double[] {best, bestClip};
    }
}
