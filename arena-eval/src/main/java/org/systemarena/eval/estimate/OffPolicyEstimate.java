package org.systemarena.eval.estimate;

import java.util.List;
import java.util.Objects;

/**
 * Conversion of one target policy estimated from logged cases (SPEC §7).
 *
 * @param cases               episodes given
 * @param usedCases           episodes that entered IPS and SNIPS
 * @param exclusions          why the others did not
 * @param observed            observed rate: mean reward over all given cases
 * @param ips                 mean of w·r over used cases
 * @param snips               sum(w·r) / sum(w) over used cases
 * @param effectiveSampleSize (sum w)² / sum w² over used cases
 * @param maxWeight           largest weight among used cases
 * @param maxWeightShare      the largest weight's share of the total weight (1 when one case carries it all)
 * @param casesWithWeight     used cases with a weight above 0: those whose whole logged trajectory the target could
 *                            have produced
 * @param effectiveOutcomes   the positive and negative outcomes the effective sample holds, ESS x SNIPS and
 *                            ESS x (1 - SNIPS): a rare outcome with an ESS of 40 may rest on two
 * @param meanWeight          mean weight over used cases with its bootstrap interval; its expectation is exactly 1
 *                            when the target stays inside the log's support and the propensities are right, and the
 *                            target's probability of staying inside that support otherwise
 * @param highConfidence      the empirical Bernstein interval on clipped weights ({@link HighConfidenceBound}), at
 *                            the same confidence as the bootstrap intervals
 * @param propensities        whether mu came from the log or an estimated behaviour model
 * @param bootstrapSeed       seed of the bootstrap resamples
 * @param bootstrapResamples  number of bootstrap resamples
 * @param confidence          confidence level of the intervals (the thread count is left out on purpose: it never
 *                            changes a number, so equal inputs give equal estimates)
 * @param warnings            everything worth a reader's caution, in a fixed order
 */
public record OffPolicyEstimate(
        int cases,
        int usedCases,
        Exclusions exclusions,
        Estimate observed,
        Estimate ips,
        Estimate snips,
        double effectiveSampleSize,
        double maxWeight,
        double maxWeightShare,
        int casesWithWeight,
        EffectiveOutcomes effectiveOutcomes,
        Estimate meanWeight,
        HighConfidenceBound.Interval highConfidence,
        PropensitySource propensities,
        long bootstrapSeed,
        int bootstrapResamples,
        double confidence,
        List<EstimateWarning> warnings) {
    public OffPolicyEstimate {
        Objects.requireNonNull(exclusions, "exclusions");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(ips, "ips");
        Objects.requireNonNull(snips, "snips");
        Objects.requireNonNull(effectiveOutcomes, "effectiveOutcomes");
        Objects.requireNonNull(meanWeight, "meanWeight");
        Objects.requireNonNull(highConfidence, "highConfidence");
        Objects.requireNonNull(propensities, "propensities");
        warnings = List.copyOf(warnings);
    }

    /** Effective numbers of positive and negative outcomes (0 when there are none). */
    public record EffectiveOutcomes(double positive, double negative) {
        public double smaller() {
            return Math.min(positive, negative);
        }
    }

    public boolean hasWarning(EstimateWarning.Code code) {
        return warnings.stream().anyMatch(w -> w.code() == code);
    }
}
