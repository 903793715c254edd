package org.systemarena.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one decision-point rule did: events whose type or activity matched its trigger, decision points created,
 * conditions that evaluated false, and evaluation errors with the first {@value #MAX_MESSAGES} messages.
 * {@code triggerMatches == decisionPoints + conditionFalse + errors}.
 */
public record RuleCounts(String rule, long triggerMatches, long decisionPoints, long conditionFalse, long errors,
                         List<String> errorMessages) {
    public static final int MAX_MESSAGES = 5;

    public RuleCounts {
        Objects.requireNonNull(rule, "rule");
        errorMessages = errorMessages == null ? List.of() : List.copyOf(errorMessages);
    }

    public static RuleCounts zero(String rule) {
        return new RuleCounts(rule, 0, 0, 0, 0, List.of());
    }

    /** The sum of two counts of the same rule; messages are kept in order up to the limit. */
    public RuleCounts plus(RuleCounts other) {
        if (!rule.equals(other.rule)) {
            throw new IllegalArgumentException("cannot add counts of rules '" + rule + "' and '" + other.rule + "'");
        }
        List<String> messages = errorMessages;
        if (messages.size() < MAX_MESSAGES && !other.errorMessages.isEmpty()) {
            List<String> merged = new ArrayList<>(messages);
            for (String m : other.errorMessages) {
                if (merged.size() < MAX_MESSAGES) {
                    merged.add(m);
                }
            }
            messages = merged;
        }
        return new RuleCounts(rule, triggerMatches + other.triggerMatches, decisionPoints + other.decisionPoints,
                conditionFalse + other.conditionFalse, errors + other.errors, messages);
    }
}
