package org.systemarena.eval.verdict;

import java.util.List;
import java.util.Objects;

/**
 * How much of a target policy's probability falls on actions the log does not support, over the decision points
 * where it decided. An action is unsupported at a decision point when the log never took it at that decision rule,
 * or when the logging policy's probability of it there (logged, or from the behaviour model) is below the floor.
 *
 * @param decisions            decision points with a target distribution
 * @param unsupportedMass      mean over those of the target's probability on unsupported actions, in [0, 1]
 * @param unsupportedDecisions decision points where that probability is above 0
 * @param actions              the unsupported (rule, action) pairs the target used, largest mass first
 * @param floor                the behaviour probability below which an action counts as unsupported
 * @param reference            where the logging policy's probability of actions it did not take came from
 */
public record SupportMass(int decisions, double unsupportedMass, int unsupportedDecisions,
                          List<UnsupportedAction> actions, double floor, String reference) {
    public SupportMass {
        actions = List.copyOf(actions);
        Objects.requireNonNull(reference, "reference");
    }

    /** Nothing unsupported: the logging policy itself, whose distribution is the log's. */
    public static SupportMass none(int decisions, double floor, String reference) {
        return new SupportMass(decisions, 0.0, 0, List.of(), floor, reference);
    }
}
