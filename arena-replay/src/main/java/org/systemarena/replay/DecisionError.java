package org.systemarena.replay;

import java.util.Objects;

/** Why a decision point has no valid decision (or a constraint could not be evaluated on it). */
public record DecisionError(Kind kind, String message) {
    public enum Kind {
        /** The policy threw. */
        EXCEPTION,
        /** The policy took longer than the configured time-out. */
        TIMEOUT,
        /** The policy returned null. */
        NO_DECISION,
        /** The chosen action, or an action given probability, is not allowed at this decision point. */
        DISALLOWED_ACTION,
        /** A constraint rule failed to evaluate on this decision (the decision itself stands). */
        CONSTRAINT_ERROR
    }

    public DecisionError {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
    }

    /** Whether this error means the decision point has no usable decision. */
    public boolean voidsDecision() {
        return kind != Kind.CONSTRAINT_ERROR;
    }
}
