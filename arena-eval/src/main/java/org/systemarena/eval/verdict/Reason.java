package org.systemarena.eval.verdict;

import java.util.Locale;

/** Why a conversion estimate is not reported as a number, or why a comparison is inconclusive. */
public enum Reason {
    /**
     * The target puts more than the allowed probability on actions the log does not support where it decides
     * (never logged for the rule, or below the behaviour model's floor): importance weights cannot see those
     * choices, so IS-family estimates are not identifiable from this log.
     */
    UNSUPPORTED_ACTIONS,
    /**
     * The mean importance weight is clearly away from 1, its expectation when the target stays inside the log's
     * support and the propensities are right: the target's trajectories leave the support, or mu is wrong.
     */
    WEIGHTS_INCONSISTENT,
    /** Too few effective cases carry the weight (ESS below the minimum, one case carrying it, undefined resamples). */
    SMALL_EFFECTIVE_SAMPLE,
    /** IPS and SNIPS intervals do not overlap, so at least one of them is wrong here. */
    ESTIMATORS_DISAGREE,
    /** Fewer usable cases than the minimum, or no spread in their outcomes for an interval to rest on. */
    TOO_FEW_CASES;

    /** The code used in reports and results.json, e.g. {@code small_effective_sample}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
