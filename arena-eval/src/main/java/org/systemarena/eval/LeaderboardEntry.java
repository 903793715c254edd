package org.systemarena.eval;

import org.systemarena.eval.estimate.Estimate;

/**
 * A row of the leaderboard: policies ordered by SNIPS conversion estimate, highest first, undefined estimates last,
 * ties by name. {@code warnings} counts the estimate's warnings, so a high but shaky estimate stands out.
 */
public record LeaderboardEntry(int rank, String policy, Estimate snips, Estimate ips, double effectiveSampleSize,
                               int warnings) {
}
