package org.systemarena.eval;

/**
 * The importance weights of the cases an estimate used (weight = product over the case's decision points of
 * pi(a_logged | s) / mu(a_logged | s)), and the range of pi itself; values are {@code NaN} when no case was used.
 *
 * @param cases          cases with a weight
 * @param zero           cases with weight 0 (the target never takes some logged action of the case)
 * @param one            cases with weight exactly 1
 * @param mean           mean weight (1 in expectation when mu is right)
 * @param min            smallest weight
 * @param minNonZero     smallest weight above 0
 * @param max            largest weight
 * @param minProbability smallest pi(a_logged | s) over the used decision points
 * @param maxProbability largest pi(a_logged | s) over the used decision points
 */
public record WeightSummary(int cases, int zero, int one, double mean, double min, double minNonZero,
                            double max,
                            double minProbability, double maxProbability) {
}
