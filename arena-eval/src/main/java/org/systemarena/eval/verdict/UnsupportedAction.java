package org.systemarena.eval.verdict;

import java.util.Objects;

/**
 * An action a target policy chooses where the log does not support it.
 *
 * @param rule        the decision rule
 * @param action      the action
 * @param neverLogged true when the log never took this action at this rule; false when it did elsewhere but the
 *                    behaviour probability at these decision points is below the floor
 * @param decisions   decision points where the target gave it probability while it was unsupported
 * @param mass        the target's probability on it there, summed over those decision points
 */
public record UnsupportedAction(String rule, String action, boolean neverLogged, int decisions, double mass) {
    public UnsupportedAction {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
    }
}
