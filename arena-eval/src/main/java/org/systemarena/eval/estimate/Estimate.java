package org.systemarena.eval.estimate;

/**
 * A point estimate with its percentile bootstrap interval. {@code NaN} marks a value that is undefined (for example
 * SNIPS when every weight is zero); the accompanying warnings say why.
 */
public record Estimate(double value, double lower, double upper) {
    public static final Estimate UNDEFINED = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    public boolean isDefined() {
        return !Double.isNaN(value);
    }

    /** Whether {@code x} lies in the closed interval [lower, upper]. */
    public boolean covers(double x) {
        return x >= lower && x <= upper;
    }

    public double width() {
        return upper - lower;
    }
}
