package org.systemarena.eval.verdict;

import org.systemarena.core.ArenaException;

/**
 * The thresholds of the verdict rule (docs/metrics.md, "Verdicts"). Defaults: at least 30 usable cases and an
 * effective sample size of at least 30; an action is unsupported where the logging policy's probability of it is
 * below 0.01; IS-family estimates are not identifiable when more than 1% of the target's probability is on
 * unsupported actions; the mean weight may be off 1 by at most 0.1 (when its interval excludes 1); no
 * non-inferiority margin.
 *
 * @param minCases               fewest usable (and, for a comparison, paired) cases an estimate may rest on
 * @param minEffectiveSampleSize fewest effective cases, (sum w)^2 / sum w^2
 * @param minEffectiveOutcomes   fewest positive, and negative, outcomes the effective sample must hold
 *                               (ESS x SNIPS and ESS x (1 - SNIPS), the success-failure condition on the
 *                               effective sample): a rare outcome leaves an interval resting on a handful of cases
 * @param supportFloor           behaviour probability below which an action is unsupported at a decision point
 * @param maxUnsupportedMass     largest mean probability a target may put on unsupported actions
 * @param meanWeightTolerance    how far the mean weight may be from 1 before, with an interval excluding 1, the
 *                               weights are inconsistent
 * @param margin                 non-inferiority margin of comparisons (a conversion difference, e.g. 0.02)
 */
public record VerdictSettings(int minCases, double minEffectiveSampleSize, double minEffectiveOutcomes,
                              double supportFloor,
                              double maxUnsupportedMass, double meanWeightTolerance, double margin) {
    public static final VerdictSettings DEFAULTS = new VerdictSettings(30, 30.0, 10.0, 0.01, 0.01, 0.1, 0.0);

    public VerdictSettings {
        if (minCases < 2) {
            throw new ArenaException("verdict: minimum cases must be at least 2, got " + minCases);
        }
        if (!(minEffectiveSampleSize >= 1.0 && Double.isFinite(minEffectiveSampleSize))) {
            throw new ArenaException("verdict: minimum effective sample size must be at least 1, got "
                    + minEffectiveSampleSize);
        }
        if (!(minEffectiveOutcomes >= 0.0 && Double.isFinite(minEffectiveOutcomes))) {
            throw new ArenaException("verdict: minimum effective outcomes must be at least 0, got "
                    + minEffectiveOutcomes);
        }
        if (!(supportFloor >= 0.0 && supportFloor < 1.0)) {
            throw new ArenaException("verdict: support floor must be in [0, 1), got " + supportFloor);
        }
        if (!(maxUnsupportedMass >= 0.0 && maxUnsupportedMass < 1.0)) {
            throw new ArenaException("verdict: maximum unsupported mass must be in [0, 1), got "
                    + maxUnsupportedMass);
        }
        if (!(meanWeightTolerance > 0.0 && Double.isFinite(meanWeightTolerance))) {
            throw new ArenaException("verdict: mean weight tolerance must be above 0, got " + meanWeightTolerance);
        }
        if (!(margin >= 0.0 && margin < 1.0)) {
            throw new ArenaException("verdict: margin must be in [0, 1) (a conversion difference, e.g. 0.02), got "
                    + margin);
        }
    }

    public VerdictSettings withMargin(double value) {
        return new VerdictSettings(minCases, minEffectiveSampleSize, minEffectiveOutcomes, supportFloor,
                maxUnsupportedMass, meanWeightTolerance, value);
    }
}
