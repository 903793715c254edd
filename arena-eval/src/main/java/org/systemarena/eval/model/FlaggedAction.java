package org.systemarena.eval.model;

import java.util.Objects;

/**
 * A (rule, action) on which the target puts probability although the outcome models know it poorly or not at all.
 *
 * @param decisionPoints          the target's decision points at the rule where it gives the action probability
 * @param mass                    the action's share of the target's probability over all its decision points (the
 *                                shares of every flagged pair add up to the coverage's mass)
 * @param fewestTrainingDecisions the fewest logged decisions of the pair in any fold's training cases (0 when the
 *                                log never took the action at the rule)
 */
public record FlaggedAction(String rule, String action, int decisionPoints, double mass,
        int fewestTrainingDecisions) {
    public FlaggedAction {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
    }
}
