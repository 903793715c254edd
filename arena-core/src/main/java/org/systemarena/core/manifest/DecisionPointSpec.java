package org.systemarena.core.manifest;

import java.util.List;
import java.util.Objects;

/**
 * A decision-point rule: events whose event type or activity equals {@code trigger} and for which {@code condition}
 * (an expression, may be null for "always") holds become decision points with these allowed action types (empty:
 * every action the manifest declares). {@code conditionPosition} locates the condition text for error messages.
 */
public record DecisionPointSpec(String name, String trigger, String condition, List<String> allowedActions,
                                SourcePosition conditionPosition) {
    public DecisionPointSpec {
        Objects.requireNonNull(name, "decision point name");
        Objects.requireNonNull(trigger, "decision point trigger");
        allowedActions = allowedActions == null ? List.of() : List.copyOf(allowedActions);
        conditionPosition = conditionPosition == null ? SourcePosition.UNKNOWN : conditionPosition;
    }

    public static DecisionPointSpec of(String name, String trigger, String condition, List<String> allowedActions) {
        return new DecisionPointSpec(name, trigger, condition, allowedActions, SourcePosition.UNKNOWN);
    }
}
