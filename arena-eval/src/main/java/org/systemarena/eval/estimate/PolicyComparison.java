package org.systemarena.eval.estimate;

import java.util.List;
import java.util.Objects;

/**
 * A target policy against a baseline on the same cases. Both estimates use only the cases usable for both, and
 * every interval (each side and the differences) comes from the same bootstrap resamples, so the difference
 * intervals are paired.
 *
 * @param target          the target policy's estimate over the paired cases
 * @param baseline        the baseline's estimate over the paired cases
 * @param ipsDifference   target IPS minus baseline IPS
 * @param snipsDifference target SNIPS minus baseline SNIPS
 * @param highConfidenceDifference the difference of the two sides' {@link HighConfidenceBound} intervals, each side
 *                        at half the error, so it holds with at least the intervals' confidence
 * @param warnings        comparison-level warnings (each side keeps its own too)
 */
public record PolicyComparison(
        OffPolicyEstimate target,
        OffPolicyEstimate baseline,
        Estimate ipsDifference,
        Estimate snipsDifference,
        HighConfidenceBound.Interval highConfidenceDifference,
        List<EstimateWarning> warnings) {
    public PolicyComparison {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(ipsDifference, "ipsDifference");
        Objects.requireNonNull(snipsDifference, "snipsDifference");
        Objects.requireNonNull(highConfidenceDifference, "highConfidenceDifference");
        warnings = List.copyOf(warnings);
    }
}
