package org.systemarena.eval.verdict;

import java.util.Objects;
import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.estimate.OffPolicyEstimate;

/**
 * Whether the log can answer for a target policy: its probability on unsupported actions, how much of the log its
 * weights can use, and whether the weights and the two IS estimators are consistent.
 *
 * @param mass               the target's probability on unsupported actions
 * @param usedCases          cases the estimators could use
 * @param casesWithWeight    used cases with weight above 0: the target could have produced their whole logged
 *                           trajectory
 * @param trajectoryCoverage casesWithWeight / usedCases
 * @param effectiveSampleSize (sum w)^2 / sum w^2
 * @param maxWeightShare     the largest weight's share of the total weight
 * @param meanWeight         mean weight with its bootstrap interval (1 in expectation inside the support)
 * @param estimatorsAgree    whether the IPS and SNIPS intervals overlap
 */
public record Support(SupportMass mass, int usedCases, int casesWithWeight, double trajectoryCoverage,
                      double effectiveSampleSize, double maxWeightShare, Estimate meanWeight,
                      boolean estimatorsAgree) {
    public Support {
        Objects.requireNonNull(mass, "mass");
        Objects.requireNonNull(meanWeight, "meanWeight");
    }

    public static Support of(SupportMass mass, OffPolicyEstimate e) {
        int used = e.usedCases();
        return new Support(mass, used, e.casesWithWeight(), used == 0 ? Double.NaN : (double) e.casesWithWeight()
                / used, e.effectiveSampleSize(), e.maxWeightShare(), e.meanWeight(), overlap(e.ips(), e.snips()));
    }

    /** Whether two intervals share a point; undefined ones are not a disagreement (other checks catch them). */
    static boolean overlap(Estimate a, Estimate b) {
        if (!a.isDefined() || !b.isDefined() || Double.isNaN(a.lower()) || Double.isNaN(b.lower())) {
            return true;
        }
        return a.lower() <= b.upper() && b.lower() <= a.upper();
    }
}
