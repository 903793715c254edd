package org.systemarena.eval.estimate;

import java.util.List;

/** Episodes reduced to what the estimators need: per case, usable or not, weight and reward. */
final class WeightedCases {
    final int n;
    final boolean[] usable;
    final double[] weight;
    final double[] reward;
    final String[] caseIds;
    final Exclusions exclusions;
    /** First excluded case id per reason, for messages; index = EpisodeStatus ordinal. */
    final String[] firstExcluded = new String[EpisodeStatus.values().length];

    WeightedCases(List<Episode> episodes) {
        n = episodes.size();
        usable = new boolean[n];
        weight = new double[n];
        reward = new double[n];
        caseIds = new String[n];
        int[] counts = new int[EpisodeStatus.values().length];
        for (int i = 0; i < n; i++) {
            Episode e = episodes.get(i);
            caseIds[i] = e.caseId();
            reward[i] = e.reward();
            EpisodeStatus status = e.status();
            if (status == EpisodeStatus.USABLE) {
                double w = e.weight();
                if (Double.isFinite(w)) {
                    usable[i] = true;
                    weight[i] = w;
                } else {
                    // Propensities so small that the product overflows cannot be weighed: invalid, not infinite.
                    status = EpisodeStatus.INVALID_PROPENSITY;
                }
            }
            counts[status.ordinal()]++;
            if (status != EpisodeStatus.USABLE && firstExcluded[status.ordinal()] == null) {
                firstExcluded[status.ordinal()] = e.caseId();
            }
        }
        exclusions = new Exclusions(counts[EpisodeStatus.MISSING_LOGGED_ACTION.ordinal()],
                counts[EpisodeStatus.MISSING_PROPENSITY.ordinal()],
                counts[EpisodeStatus.INVALID_PROPENSITY.ordinal()]);
    }
}
