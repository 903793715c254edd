package org.systemarena.eval;

import org.systemarena.eval.estimate.Estimate;
import org.systemarena.eval.verdict.NotEstimable;
import org.systemarena.eval.verdict.RecommendedEstimate;

/**
 * A row of the leaderboard: policies with a recommended conversion estimate first, highest first, ties by name;
 * then the policies that cannot be estimated, by name, each with its reason. {@code warnings} counts the estimate's
 * warnings, so a high but shaky estimate stands out.
 *
 * @param recommended  the estimate the rank comes from; null when the policy cannot be estimated
 * @param notEstimable why not; null when it can
 */
public record LeaderboardEntry(int rank, String policy, RecommendedEstimate recommended, NotEstimable notEstimable,
                               Estimate snips, Estimate ips, double effectiveSampleSize, int warnings) {
}
