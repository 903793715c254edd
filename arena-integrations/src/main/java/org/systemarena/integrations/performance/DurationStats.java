package org.systemarena.integrations.performance;

import java.util.Arrays;

/**
 * Summary statistics of a sample of durations, in seconds. {@code stdev} is the sample standard deviation (n - 1 in
 * the denominator), null when it is undefined (fewer than two values); the median of an even-sized sample is the
 * mean of the two middle values. All values are null-free except {@code stdev}; an empty sample has count 0 and NaN
 * statistics.
 */
public record DurationStats(long count, double mean, double median, double min, double max, double sum,
                            Double stdev) {

    /** Statistics of {@code micros[from, to)}, which this method sorts in place. */
    public static DurationStats ofMicros(long[] micros, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return new DurationStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, null);
        }
        Arrays.sort(micros, from, to);
        long sumMicros = 0;
        for (int i = from; i < to; i++) {
            sumMicros += micros[i];
        }
        // Sum in exact micros, then one conversion: means stay exact to the microsecond.
        double mean = sumMicros / 1e6 / n;
        double sq = 0;
        for (int i = from; i < to; i++) {
            double d = micros[i] / 1e6 - mean;
            sq += d * d;
        }
        int mid = from + n / 2;
        double median = n % 2 == 1 ? micros[mid] / 1e6 : (micros[mid - 1] + micros[mid]) / 2e6;
        return new DurationStats(n, mean, median, micros[from] / 1e6, micros[to - 1] / 1e6, sumMicros / 1e6,
                n < 2 ? null : Math.sqrt(sq / (n - 1)));
    }

    public static DurationStats ofMicros(long[] micros) {
        return ofMicros(micros.clone(), 0, micros.length);
    }

    /** Statistics of values in seconds (copied, not modified). */
    public static DurationStats ofSeconds(double[] seconds) {
        int n = seconds.length;
        if (n == 0) {
            return new DurationStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, null);
        }
        double[] s = seconds.clone();
        Arrays.sort(s);
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        double mean = sum / n;
        double sq = 0;
        for (double v : s) {
            sq += (v - mean) * (v - mean);
        }
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new DurationStats(n, mean, median, s[0], s[n - 1], sum, n < 2 ? null : Math.sqrt(sq / (n - 1)));
    }

    /** e.g. {@code mean 1.5d, median 1.0d, min 2.0h, max 3.1d (n=12)}. */
    public String describe() {
        if (count == 0) {
            return "no observations";
        }
        return "mean " + HumanDuration.format(mean) + ", median " + HumanDuration.format(median) + ", min "
                + HumanDuration.format(min) + ", max " + HumanDuration.format(max) + " (n=" + count + ")";
    }
}
