package org.systemarena.eval.stats;

import java.util.Arrays;
import org.systemarena.core.ArenaException;

/**
 * Sample quantiles by linear interpolation between order statistics (Hyndman and Fan type 7, the default of R's
 * {@code quantile} and NumPy's {@code percentile}): for sorted x[0..m-1] and level q, h = (m - 1) q and the quantile
 * is x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** Quantile of already sorted, NaN-free values; {@code NaN} when there are none. */
    public static double ofSorted(double[] sorted, int length, double q) {
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new ArenaException("quantile level must be in [0, 1], got " + q);
        }
        if (length == 0) {
            return Double.NaN;
        }
        double h = (length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= length - 1) {
            return sorted[length - 1];
        }
        double frac = h - lo;
        return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }

    /**
     * The central {@code confidence} interval of bootstrap values where a NaN (a resample in which the estimator is
     * undefined) counts against the estimator: it sorts below every value for the lower quantile and above every
     * value for the upper one. So when more than (1 - c) / 2 of the resamples are undefined, the interval is
     * unbounded ({@code -Infinity} or {@code +Infinity}) instead of resting silently on the resamples that worked.
     * Returns {lower, upper}; both NaN when there are no values. The input is not modified.
     */
    public static double[] centralIntervalCountingUndefined(double[] values, double confidence) {
        double[] sorted = new double[values.length];
        int defined = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sorted[defined++] = v;
            }
        }
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Arrays.sort(sorted, 0, defined);
        int undefined = values.length - defined;
        double tail = (1.0 - confidence) / 2.0;
        double[] low = new double[values.length];
        Arrays.fill(low, 0, undefined, Double.NEGATIVE_INFINITY);
        System.arraycopy(sorted, 0, low, undefined, defined);
        double[] high = new double[values.length];
        System.arraycopy(sorted, 0, high, 0, defined);
        Arrays.fill(high, defined, values.length, Double.POSITIVE_INFINITY);
        return new double[] {ofSortedWithInfinities(low, tail), ofSortedWithInfinities(high, 1.0 - tail)};
    }

    // Type 7 between order statistics, where an infinite neighbour makes the quantile that infinity (the
    // interpolation itself would give NaN for -inf + f * (x + inf)).
    private static double ofSortedWithInfinities(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double frac = h - lo;
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return frac == 0.0 ? a : Double.isInfinite(a) && a < 0 ? a : b;
        }
        return a + frac * (b - a);
    }

    /** Number of NaN values. */
    public static int countNaN(double[] values) {
        int c = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                c++;
            }
        }
        return c;
    }
}
