package org.systemarena.core.manifest;

import java.util.Objects;

/** A constraint: when {@code rule} evaluates true for (snapshot, decided action), it is a violation of its severity. */
public record ConstraintSpec(String name, String rule, Severity severity, String message, SourcePosition rulePosition) {
    public ConstraintSpec {
        Objects.requireNonNull(name, "constraint name");
        Objects.requireNonNull(rule, "constraint rule");
        severity = severity == null ? Severity.VIOLATION : severity;
        rulePosition = rulePosition == null ? SourcePosition.UNKNOWN : rulePosition;
    }

    public static ConstraintSpec of(String name, String rule, Severity severity, String message) {
        return new ConstraintSpec(name, rule, severity, message, SourcePosition.UNKNOWN);
    }
}
