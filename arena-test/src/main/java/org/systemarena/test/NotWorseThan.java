package org.systemarena.test;

/**
 * {@code isNotWorseThan("historical")} waiting for its margin: {@code .by(0.02)} checks that the difference's
 * interval (the verdict's, at the evaluation's confidence level) has its lower end above -0.02.
 *
 * <p>The interval is two-sided at the evaluation's level c (95% by default), so a "not worse" read from its lower
 * end is a one-sided check at (1 + c) / 2 (97.5%): stricter than a one-sided 95% test, never looser.
 */
public final class NotWorseThan {
    private final ConversionAssert conversion;
    private final String baseline;

    NotWorseThan(ConversionAssert conversion, String baseline) {
        this.conversion = conversion;
        this.baseline = baseline;
    }

    /** Checks the margin, a conversion difference: 0.02 is 2 percentage points. */
    public ConversionAssert by(double margin) {
        return conversion.notWorseBy(baseline, margin);
    }
}
