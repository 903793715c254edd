package org.systemarena.eval.verdict;

import java.util.Objects;

/**
 * The conversion estimate a report leads with: the estimator the verdict rule chose, its value and its interval.
 *
 * @param estimator the estimator's code, e.g. {@code snips}
 * @param interval  how the interval was made, e.g. {@code percentile_bootstrap}
 */
public record RecommendedEstimate(String estimator, double value, double lower, double upper, String interval) {
    public RecommendedEstimate {
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(interval, "interval");
    }

    public boolean covers(double x) {
        return x >= lower && x <= upper;
    }
}
