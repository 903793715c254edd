package org.systemarena.eval.estimate;

import org.systemarena.eval.stats.Percentiles;

/**
 * The bootstrap engine of {@link OffPolicyEstimator}, open to other estimators that are functions of per-case sums
 * (docs/metrics.md, section 4): with the same seed and number of cases, every caller draws the same resamples, so
 * the estimates of one evaluation pair up resample by resample.
 */
public final class Resampling {
    private Resampling() {
    }

    /**
     * Column sums of every resample: {@code data} holds {@code stride} values per case (case-major); the result holds
     * {@code settings.resamples() * stride} sums, resample r's column c at {@code r * stride + c}. A resample is
     * {@code n} cases drawn uniformly with replacement, the same for every caller with the same seed and {@code n}.
     */
    public static double[] columnSums(double[] data, int stride, int n, BootstrapSettings settings) {
        return ResampledSums.run(data, stride, n, settings);
    }

    /**
     * The estimate {@code value} with the central interval of its resampled values at the settings' confidence,
     * resamples where it is undefined (NaN) counting against it; {@link Estimate#UNDEFINED} when {@code value} is NaN.
     */
    public static Estimate estimate(double value, double[] resampled, BootstrapSettings settings) {
        if (Double.isNaN(value)) {
            return Estimate.UNDEFINED;
        }
        double[] interval = Percentiles.centralIntervalCountingUndefined(resampled, settings.confidence());
        return new Estimate(value, interval[0], interval[1]);
    }
}
